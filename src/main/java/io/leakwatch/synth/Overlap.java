package io.leakwatch.synth;

/**
 * {@code --overlap-with KIND:FRACTION}: about that fraction of a breach's rows are people of the
 * other kind's population (row i borrows that kind's person i), so the same national ID or phone
 * turns up in both files when both are generated with the same seed.
 */
public record Overlap(BreachKind otherKind, double fraction) {

    public static final String FORMAT = "KIND:FRACTION, e.g. police-records:0.3 (KIND one of "
            + BreachKind.slugs() + "; FRACTION above 0 and at most 1)";

    public Overlap {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("The overlap fraction is above 0 and at most 1: " + FORMAT);
        }
    }

    public static Overlap parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Expected " + FORMAT);
        }
        BreachKind kind = BreachKind.fromSlug(text.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException("Unknown kind in " + text + "; expected " + FORMAT));
        try {
            return new Overlap(kind, Double.parseDouble(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected " + FORMAT, e);
        }
    }
}
