package io.leakwatch.admin.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules for admin usernames: 3 to 64 of a-z, 0-9, '.', '_' and '-', compared without case. */
public final class AdminUsername {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private AdminUsername() {
    }

    /** The form a username is stored and looked up in. Never null. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code normalised} cannot be an admin's username, or empty when it can. */
    public static Optional<String> problemWith(String normalised) {
        if (!VALID.matcher(normalised).matches()) {
            return Optional.of("A username has 3 to 64 characters: letters a-z, digits, '.', '_' or '-', "
                    + "starting with a letter or digit.");
        }
        return Optional.empty();
    }
}
