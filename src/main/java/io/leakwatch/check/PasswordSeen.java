package io.leakwatch.check;

import java.util.Locale;

/**
 * What it means that a password was seen in leaks, by how often. The page holds every meaning with
 * its threshold; the script shows the one for the count it found.
 */
public enum PasswordSeen {
    /** Someone used it and it leaked: it is on the lists attackers try. */
    FEW(1),
    /** Many people use it. */
    OFTEN(10),
    /** Among the commonest: tried first, within seconds. */
    VERY_OFTEN(1_000);

    private final long minimumCount;

    PasswordSeen(long minimumCount) {
        this.minimumCount = minimumCount;
    }

    public long minimumCount() {
        return minimumCount;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
