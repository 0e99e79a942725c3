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
 * area in proportion to the identifiers it holds, numbered in date order above it; breaches too close
 * to share a row go into rows above. The same numbers head the list drawn under the chart, which says
 * in words what the circles show, so nothing needs hovering, colour or a pointer. Each year has a tick
 * at its first day and its label just right of it: a date sits between its year's tick and the next.
 * Coordinates are in the SVG's own units ({@link #WIDTH} wide); the browser scales the drawing.
 */
public record TimelineChart(int height, int axisY, int firstYear, int lastYear, List<Tick> ticks, List<Mark> marks) {

    public static final int WIDTH = 400;
    private static final int MARGIN = 24;
    private static final int ROW_HEIGHT = 56;
    private static final double MIN_RADIUS = 4;
    private static final double MAX_RADIUS = 17;
    private static final int TOP = 8;
    /** The widest a digit of a circle's number is drawn (16 px text on a phone, see site.css), in SVG units. */
    private static final double DIGIT_WIDTH = 10;
    /** At most this many year labels fit across the chart at a phone's text size; the ticks stay yearly. */
    private static final int MAX_YEAR_LABELS = 6;

    /** The first day of a year on the axis; {@code label} is null where labels are spaced out. */
    public record Tick(double x, int year, String label) {
        public double labelX() {
            return x + 3;
        }
    }

    /**
     * One breach: its circle, its number (in date order, from 1) and what the list under the chart says
     * of it; {@code label} is the circle's tooltip, {@code titleLang} as in {@link BreachView}.
     */
    public record Mark(int number, double cx, double cy, double r, String label, boolean highlighted, BreachView breach) {
        public double numberY() {
            return cy - r - 4;
        }

        public double ringR() {
            return r + 4;
        }
    }

    private record Placed(Breach breach, double cx, double r, int row) {
    }

    public int width() {
        return WIDTH;
    }

    public int tickEndY() {
        return axisY + 6;
    }

    public int labelY() {
        return axisY + 22;
    }

    /** @param highlighted the name of a breach to draw with a ring and name as "this breach" */
    public static TimelineChart of(List<Breach> breaches, Optional<String> highlighted, Language language) {
        List<Breach> byDate = breaches.stream().sorted(Comparator.comparing((Breach b) -> b.breachDate)
                .thenComparing(b -> b.name)).toList();
        int firstYear = byDate.isEmpty() ? LocalDate.now().getYear() : byDate.get(0).breachDate.getYear();
        int lastYear = Math.max(firstYear + 2, byDate.isEmpty() ? firstYear : byDate.get(byDate.size() - 1).breachDate.getYear());
        LocalDate start = LocalDate.of(firstYear, 1, 1);
        double days = ChronoUnit.DAYS.between(start, LocalDate.of(lastYear + 1, 1, 1));
        double plotWidth = WIDTH - 2.0 * MARGIN;
        long most = byDate.stream().mapToLong(b -> b.pwnCount).max().orElse(1);

        List<Placed> placed = new ArrayList<>();
        List<Double> rowEnds = new ArrayList<>();
        for (Breach breach : byDate) {
            double cx = MARGIN + plotWidth * ChronoUnit.DAYS.between(start, breach.breachDate) / days;
            double r = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) breach.pwnCount / Math.max(1, most));
            // A circle's number is drawn above it: its row is kept clear for whichever is wider
            double halfWidth = Math.max(r + 4, String.valueOf(placed.size() + 1).length() * DIGIT_WIDTH / 2);
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > cx - halfWidth - 2) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(cx + halfWidth);
            } else {
                rowEnds.set(row, cx + halfWidth);
            }
            placed.add(new Placed(breach, cx, r, row));
        }
        int rows = Math.max(1, rowEnds.size());
        int axisY = TOP + rows * ROW_HEIGHT;
        List<Mark> marks = new ArrayList<>();
        for (Placed p : placed) {
            marks.add(new Mark(marks.size() + 1, round(p.cx), axisY - 21.0 - p.row * ROW_HEIGHT, round(p.r),
                    p.breach.titleIn(language) + " (" + language.formatDate(p.breach.breachDate) + ")",
                    highlighted.filter(p.breach.name::equals).isPresent(), BreachView.of(p.breach, language)));
        }

        int labelStep = (int) Math.ceil((lastYear - firstYear + 1) / (double) MAX_YEAR_LABELS);
        List<Tick> ticks = new ArrayList<>();
        for (int year = firstYear; year <= lastYear + 1; year++) {
            boolean labelled = year <= lastYear && (year - firstYear) % labelStep == 0;
            ticks.add(new Tick(round(MARGIN + plotWidth * ChronoUnit.DAYS.between(start, LocalDate.of(year, 1, 1)) / days),
                    year, labelled ? Integer.toString(year) : null));
        }
        return new TimelineChart(axisY + 30, axisY, firstYear, lastYear, ticks, marks);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
