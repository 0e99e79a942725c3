package io.leakwatch.breach;

import io.leakwatch.web.Language;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A timeline of breaches, laid out on the server for an SVG: one circle per breach at its date, its
 * area in proportion to the people affected; breaches too close to share a row go into rows above.
 * Coordinates are in the SVG's own units ({@link #WIDTH} wide); the browser scales the drawing.
 */
public record TimelineChart(int height, int axisY, int firstYear, int lastYear, List<Tick> ticks, List<Mark> marks) {

    public static final int WIDTH = 400;
    private static final int MARGIN = 24;
    private static final int ROW_HEIGHT = 40;
    private static final double MIN_RADIUS = 4;
    private static final double MAX_RADIUS = 17;
    private static final int TOP = 8;

    /** A year on the axis. */
    public record Tick(double x, String label) {
    }

    /** One breach; {@code label} is its tooltip. */
    public record Mark(double cx, double cy, double r, String label, boolean highlighted) {
    }

    private record Placed(Breach breach, double cx, double r, int row) {
    }

    public int width() {
        return WIDTH;
    }

    public int tickEndY() {
        return axisY + 5;
    }

    public int labelY() {
        return axisY + 20;
    }

    /** @param highlighted the name of a breach to draw in the highlight colour */
    public static TimelineChart of(List<Breach> breaches, Optional<String> highlighted, Language language) {
        List<Breach> byDate = breaches.stream().sorted(Comparator.comparing((Breach b) -> b.breachDate)).toList();
        int firstYear = byDate.isEmpty() ? LocalDate.now().getYear() : byDate.get(0).breachDate.getYear();
        int lastYear = Math.max(firstYear + 2, byDate.isEmpty() ? firstYear : byDate.get(byDate.size() - 1).breachDate.getYear());
        LocalDate start = LocalDate.of(firstYear, 1, 1);
        double days = ChronoUnit.DAYS.between(start, LocalDate.of(lastYear + 1, 1, 1));
        double plotWidth = WIDTH - 2.0 * MARGIN;
        long mostPeople = byDate.stream().mapToLong(b -> b.pwnCount).max().orElse(1);

        List<Placed> placed = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        for (Breach breach : byDate) {
            double cx = MARGIN + plotWidth * ChronoUnit.DAYS.between(start, breach.breachDate) / days;
            double r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) breach.pwnCount / Math.max(1, mostPeople));
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > cx - r - 2) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(cx + r);
            } else {
                rowEnds.set(row, cx + r);
            }
            placed.add(new Placed(breach, cx, r, row));
        }
        int rows = Math.max(1, rowEnds.size());
        int axisY = TOP + rows * ROW_HEIGHT;
        List<Mark> marks = placed.stream()
                .map(p -> new Mark(round(p.cx), axisY - ROW_HEIGHT / 2.0 - p.row * ROW_HEIGHT, round(p.r),
                        p.breach.titleIn(language) + " (" + language.formatDate(p.breach.breachDate) + ")",
                        highlighted.filter(p.breach.name::equals).isPresent()))
                .toList();

        int yearStep = Math.max(1, (lastYear - firstYear + 1) / 8);
        List<Tick> ticks = new ArrayList<>();
        for (int year = firstYear; year <= lastYear + 1; year += yearStep) {
            ticks.add(new Tick(round(MARGIN + plotWidth * ChronoUnit.DAYS.between(start, LocalDate.of(year, 1, 1)) / days),
                    Integer.toString(year)));
        }
        return new TimelineChart(axisY + 28, axisY, firstYear, lastYear, ticks, marks);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
