package io.leakwatch.admin.account;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cost parameters written at the head of a standard encoded Argon2 hash. */
public record Argon2Parameters(String type, int version, int memoryKib, int iterations, int parallelism) {

    private static final Pattern ENCODED =
            Pattern.compile("^\\$(argon2(?:id|i|d))\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$.+");

    public static Optional<Argon2Parameters> of(String encodedHash) {
        Matcher matcher = ENCODED.matcher(encodedHash);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Argon2Parameters(matcher.group(1), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5))));
    }

    /** Whether a hash made with these parameters is weaker than one made with {@code wanted}. */
    public boolean weakerThan(Argon2Parameters wanted) {
        return !type.equals(wanted.type) || version < wanted.version
                || memoryKib < wanted.memoryKib || iterations < wanted.iterations;
    }
}
