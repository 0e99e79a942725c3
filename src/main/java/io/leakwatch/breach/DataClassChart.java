package io.leakwatch.breach;

import io.leakwatch.web.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many people each kind of data was exposed for, across the catalogue, laid out on the server
 * for an SVG bar chart: one row per data class, its name and figure on a line above its bar, so the
 * text stays readable when the drawing is scaled down to a phone's width.
 */
public record DataClassChart(int height, List<Bar> bars) {

    public static final int WIDTH = 400;
    private static final int ROW_HEIGHT = 38;

    public record Bar(String label, String value, double textY, double barY, double barWidth) {
    }

    private record Total(DataClass dataClass, long people, int breaches) {
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
                .sorted(Comparator.comparingLong(Total::people).reversed().thenComparing(Total::dataClass))
                .toList();
        long most = rows.isEmpty() ? 1 : Math.max(1, rows.get(0).people());
        BreachMessages messages = language.messages(BreachMessages.class);
        List<Bar> bars = new ArrayList<>();
        for (Total row : rows) {
            double top = bars.size() * ROW_HEIGHT;
            bars.add(new Bar(messages.dataClass(row.dataClass()),
                    messages.dataClassChartValue(language.formatCount(row.people()), row.breaches()),
                    top + 14, top + 20, Math.max(2, Math.round(WIDTH * (double) row.people() / most * 10) / 10.0)));
        }
        return new DataClassChart(Math.max(ROW_HEIGHT, bars.size() * ROW_HEIGHT), bars);
    }
}
