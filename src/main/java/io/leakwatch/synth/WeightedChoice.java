package io.leakwatch.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Draws values with probability proportional to their weight (cumulative weights, binary search). */
final class WeightedChoice<T> {

    private final List<T> values;
    private final long[] cumulativeWeights;

    private WeightedChoice(List<T> values, long[] weights) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Nothing to choose from");
        }
        this.values = List.copyOf(values);
        this.cumulativeWeights = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                throw new IllegalArgumentException("Weights are positive: " + values.get(i));
            }
            total += weights[i];
            cumulativeWeights[i] = total;
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
        long target = random.nextLong(cumulativeWeights[cumulativeWeights.length - 1]);
        int low = 0;
        int high = cumulativeWeights.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeWeights[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return values.get(low);
    }

    List<T> values() {
        return values;
    }
}
