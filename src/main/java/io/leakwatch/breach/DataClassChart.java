package io.leakwatch.breach;

import io.leakwatch.web.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * For each kind of data, how many breaches exposed it and how many identifiers those breaches hold
 * (a person in two of them is counted twice, and the figure says "identifiers", not "people"): a list
 * whose text is the page's own, wrapping at any width, each row with a bar drawn in proportion to the
 * largest ({@link #WIDTH} units at most).
 */
public record DataClassChart(List<Bar> bars) {

    public static final int WIDTH = 400;

    public record Bar(String label, String value, double barWidth) {
    }

    private record Total(DataClass dataClass, long identifiers, int breaches) {
    }

    public int width() {
        return WIDTH;
    }

    public static DataClassChart of(List<Breach> breaches, Language language) {
        Map<DataClass, List<Breach>> breachesByClass = breaches.stream()
                .flatMap(breach -> DataClass.ofSlugs(breach.dataClasses).stream().map(dataClass -> Map.entry(dataClass, breach)))
                .collect(Collectors.groupingBy(Map.Entry::getKey, () -> new EnumMap<>(DataClass.class),
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Total> rows = breachesByClass.entrySet().stream()
                .map(entry -> new Total(entry.getKey(), entry.getValue().stream().mapToLong(b -> b.pwnCount).sum(),
                        entry.getValue().size()))
                .sorted(Comparator.comparingLong(Total::identifiers).reversed().thenComparing(Total::dataClass))
                .toList();
        long most = rows.isEmpty() ? 1 : Math.max(1, rows.get(0).identifiers());
        BreachMessages messages = language.messages(BreachMessages.class);
        List<Bar> bars = new ArrayList<>();
        for (Total row : rows) {
            bars.add(new Bar(messages.dataClass(row.dataClass()),
                    messages.dataClassChartValue(language.formatCount(row.identifiers()), row.breaches()),
                    Math.max(2, Math.round(WIDTH * (double) row.identifiers() / most * 10) / 10.0)));
        }
        return new DataClassChart(bars);
    }
}
