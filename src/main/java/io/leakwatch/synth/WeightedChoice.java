package io.leakwatch.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Draws values with probability proportional to their weight, in constant time (Vose's alias
 * method): one random number picks a column and a coin inside it, with no division or search, which
 * matters at several draws per row and millions of rows per second.
 */
final class WeightedChoice<T> {

    private static final long COIN_SIDES = 1L << 31;

    private final List<T> values;
    /** Column i yields value i when the coin is below this, else value {@code alias[i]}. */
    private final long[] thresholds;
    private final int[] alias;

    private WeightedChoice(List<T> values, long[] weights) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        int n = weights.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("Weights are positive: " + values.get(i));
            }
            total += weights[i];
        }
        this.values = List.copyOf(values);
        this.thresholds = new long[n];
        this.alias = new int[n];

        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int less = small[--smallCount];
            int more = large[--largeCount];
            thresholds[less] = (long) (scaled[less] * COIN_SIDES);
            alias[less] = more;
            scaled[more] += scaled[less] - 1;
            if (scaled[more] < 1) {
                small[smallCount++] = more;
            } else {
                large[largeCount++] = more;
            }
        }
        // What is left is full up to rounding error
        while (largeCount > 0) {
            thresholds[large[--largeCount]] = COIN_SIDES;
        }
        while (smallCount > 0) {
            thresholds[small[--smallCount]] = COIN_SIDES;
        }
    }

    static <T> WeightedChoice<T> of(List<T> values, ToLongFunction<T> weight) {
        return new WeightedChoice<>(values, values.stream().mapToLong(weight).toArray());
    }

    /**
     * Plain-text values written as {@code "value weight"}, e.g. {@code "盗窃 18"}: compact for the
     * short lists in the row layouts, and in a fixed order (a Map's order would not be).
     */
    static WeightedChoice<byte[]> ofPlainText(String... valuesWithWeights) {
        List<byte[]> values = new ArrayList<>();
        long[] weights = new long[valuesWithWeights.length];
        for (int i = 0; i < valuesWithWeights.length; i++) {
            int space = valuesWithWeights[i].lastIndexOf(' ');
            values.add(CsvRowBuffer.plainBytes(valuesWithWeights[i].substring(0, space)));
            weights[i] = Long.parseLong(valuesWithWeights[i].substring(space + 1));
        }
        return new WeightedChoice<>(values, weights);
    }

    T pick(RowRandom random) {
        long bits = random.nextLong();
        int column = (int) (((bits >>> 32) * thresholds.length) >>> 32);
        return values.get((bits & (COIN_SIDES - 1)) < thresholds[column] ? column : alias[column]);
    }

    List<T> values() {
        return values;
    }
}
