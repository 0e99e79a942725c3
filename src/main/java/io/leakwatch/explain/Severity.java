package io.leakwatch.explain;

import java.util.Locale;

/** How much harm exposed data can do; the higher {@code rank}, the sooner a person should act. */
public enum Severity {
    LOW(1),
    MEDIUM(2),
    HIGH(3),
    /** Harm that lasts: sensitive facts tied to who a person is, which no step can take back. */
    VERY_HIGH(4);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** For CSS classes and data attributes. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Severity atLeast(Severity other) {
        return other.rank > rank ? other : this;
    }
}
