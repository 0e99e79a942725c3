package io.leakwatch.breach;

import io.leakwatch.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts' geometry: inside the drawing, nothing drawn over anything else, sizes in proportion. */
@QuarkusTest
class ChartsTest {

    @Test
    void theTimelineKeepsCirclesApartAndInsideTheDrawing() {
        List<Breach> breaches = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            breaches.add(breach("b" + i, LocalDate.of(2021, 1, 1).plusDays(i * 20L), 1_000L * (i + 1)));
        }
        breaches.add(breach("late", LocalDate.of(2024, 6, 1), 50_000));

        TimelineChart chart = TimelineChart.of(breaches, Optional.of("late"), Language.ENGLISH);

        assertEquals(2021, chart.firstYear());
        assertEquals(2024, chart.lastYear());
        for (TimelineChart.Mark mark : chart.marks()) {
            assertTrue(mark.cx() - mark.r() >= 0 && mark.cx() + mark.r() <= chart.width(), "inside: " + mark);
            assertTrue(mark.cy() - mark.r() >= 0 && mark.cy() + mark.r() <= chart.axisY(), "above the axis: " + mark);
        }
        for (TimelineChart.Mark a : chart.marks()) {
            for (TimelineChart.Mark b : chart.marks()) {
                if (a != b) {
                    assertTrue(Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()) >= a.r() + b.r(), a + " overlaps " + b);
                }
            }
        }
        assertEquals(List.of("late"), chart.marks().stream().filter(TimelineChart.Mark::highlighted)
                .map(mark -> mark.label().split(" ")[0]).toList());
        TimelineChart.Mark biggest = chart.marks().stream().filter(TimelineChart.Mark::highlighted).findFirst().orElseThrow();
        assertTrue(chart.marks().stream().allMatch(mark -> mark.r() <= biggest.r()), "area grows with the identifiers held");
    }

    /** The demo's dates that sat on the next year's tick: each circle now lies between its year's tick and the next. */
    @Test
    void aDateSitsRightOfItsYearsTickAndLeftOfTheNext() {
        List<Breach> breaches = List.of(breach("party", LocalDate.of(2016, 12, 1), 20_000),
                breach("forum", LocalDate.of(2021, 3, 10), 20_000), breach("police", LocalDate.of(2022, 6, 30), 40_000),
                breach("telco", LocalDate.of(2023, 12, 15), 20_000), breach("newyear", LocalDate.of(2024, 1, 1), 1_000));

        TimelineChart chart = TimelineChart.of(breaches, Optional.empty(), Language.ENGLISH);

        for (TimelineChart.Mark mark : chart.marks()) {
            int year = breaches.stream().filter(b -> b.title.equals(mark.breach().title())).findFirst().orElseThrow().breachDate.getYear();
            TimelineChart.Tick own = chart.ticks().stream().filter(tick -> tick.year() == year).findFirst().orElseThrow();
            TimelineChart.Tick next = chart.ticks().stream().filter(tick -> tick.year() == year + 1).findFirst().orElseThrow();
            assertTrue(own.x() <= mark.cx() && mark.cx() < next.x(), mark.label() + " between " + own + " and " + next);
        }
        List<String> labels = chart.ticks().stream().map(TimelineChart.Tick::label).filter(java.util.Objects::nonNull).toList();
        assertEquals("2016", labels.get(0));
        assertTrue(labels.size() <= 6, "year labels fit a phone's width: " + labels);
        assertEquals(2025 - 2016 + 1, chart.ticks().size(), "a tick at the start of every year, and at the end");
        assertEquals(List.of(1, 2, 3, 4, 5), chart.marks().stream().map(TimelineChart.Mark::number).toList(), "numbered by date");
        assertEquals("party", chart.marks().get(0).breach().title());
        assertEquals("20,000", chart.marks().get(0).breach().identifiers());
    }

    @Test
    void aCirclesNumberIsDrawnAboveItWithinTheDrawingAndClearOfItsNeighbours() {
        List<Breach> breaches = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            breaches.add(breach("b" + i, LocalDate.of(2020, 1, 1).plusDays(i * 9L), 100L));
        }

        TimelineChart chart = TimelineChart.of(breaches, Optional.empty(), Language.ENGLISH);

        for (TimelineChart.Mark a : chart.marks()) {
            assertTrue(a.numberY() - 16 >= 0, "inside the drawing: " + a);
            for (TimelineChart.Mark b : chart.marks()) {
                if (a != b && a.cy() == b.cy()) {
                    double halfA = String.valueOf(a.number()).length() * 5.0;
                    double halfB = String.valueOf(b.number()).length() * 5.0;
                    assertTrue(Math.abs(a.cx() - b.cx()) >= halfA + halfB, a.number() + " and " + b.number() + " overlap");
                }
            }
        }
    }

    @Test
    void theDataClassChartRanksKindsOfDataByIdentifiersAndSaysWhatItCounts() {
        Breach small = breach("small", LocalDate.of(2022, 1, 1), 1_000);
        small.dataClasses = List.of("email-addresses", "passwords");
        Breach big = breach("big", LocalDate.of(2023, 1, 1), 3_000);
        big.dataClasses = List.of("email-addresses", "phone-numbers");

        DataClassChart chart = DataClassChart.of(List.of(small, big), Language.ENGLISH);

        assertEquals(List.of("Email addresses", "Phone numbers", "Passwords"),
                chart.bars().stream().map(DataClassChart.Bar::label).toList());
        assertEquals("2 breaches, 4,000 identifiers", chart.bars().get(0).value());
        assertEquals("1 breach, 1,000 identifiers", chart.bars().get(2).value());
        assertEquals(DataClassChart.WIDTH, chart.bars().get(0).barWidth());
        assertEquals(DataClassChart.WIDTH * 0.75, chart.bars().get(1).barWidth(), 0.1);
    }

    private static Breach breach(String name, LocalDate date, long people) {
        Breach breach = new Breach();
        breach.name = name;
        breach.title = name;
        breach.breachDate = date;
        breach.pwnCount = people;
        return breach;
    }
}
