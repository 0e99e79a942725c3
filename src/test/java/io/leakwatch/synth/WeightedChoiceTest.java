package io.leakwatch.synth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightedChoiceTest {

    @Test
    void drawsInProportionToTheWeights() {
        WeightedChoice<String> choice = WeightedChoice.of(List.of("rare", "common", "usual"),
                value -> switch (value) {
                    case "rare" -> 1;
                    case "common" -> 6;
                    default -> 3;
                });
        RowRandom random = new RowRandom().positionAt(1, 2, 3);
        int draws = 200_000;

        Map<String, Long> counts = IntStream.range(0, draws).mapToObj(i -> choice.pick(random))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertEquals(0.1, counts.get("rare") / (double) draws, 0.005);
        assertEquals(0.6, counts.get("common") / (double) draws, 0.005);
        assertEquals(0.3, counts.get("usual") / (double) draws, 0.005);
    }

    @Test
    void zeroOrNegativeWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightedChoice.of(List.of("a", "b"), value -> value.equals("a") ? 1 : 0));
        assertThrows(IllegalArgumentException.class, () -> WeightedChoice.ofPlainText());
    }
}
