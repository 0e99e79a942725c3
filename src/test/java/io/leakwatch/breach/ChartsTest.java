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
        assertTrue(chart.marks().stream().allMatch(mark -> mark.r() <= biggest.r()), "area grows with the people affected");
    }

    @Test
    void theDataClassChartRanksKindsOfDataByPeopleAffected() {
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
