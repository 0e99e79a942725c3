package io.leakwatch.explain;

import java.util.Locale;

/** How much harm exposed data can do; the higher {@code rank}, the sooner a person should act. */
public enum Severity {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** For CSS classes and data attributes. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity atLeast(Severity other) {
        return other.rank > rank ? other : this;
    }
}
