package io.leakwatch.admin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Reads a new password: twice, unechoed, from a terminal; or as the first line of piped standard input. */
final class PasswordInput {

    private PasswordInput() {
    }

    /** The password, or empty (after telling why on {@code System.err}) if none was given. */
    static Optional<char[]> read(Console console, InputStream stdin) throws IOException {
        if (console != null) {
            char[] first = console.readPassword("Password for the new admin (at least 12 characters): ");
            char[] second = console.readPassword("The same password again: ");
            if (first == null || second == null) {
                return Optional.empty();
            }
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
                System.err.println("The two passwords differ.");
                return Optional.empty();
            }
            Arrays.fill(second, '\0');
            return Optional.of(first);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            System.err.println("No password on standard input.");
            return Optional.empty();
        }
        return Optional.of(line.toCharArray());
    }
}
