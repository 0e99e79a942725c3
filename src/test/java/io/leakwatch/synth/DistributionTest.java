package io.leakwatch.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated data looks like the leaks it imitates. */
class DistributionTest {

    private static final int ROWS = 40_000;

    @Test
    void passwordsAreHeavyTailedWithTheCommonestRealOnesOnTop() {
        Map<String, Long> counts = counts(Samples.rows(BreachKind.CREDENTIAL_DUMP, ROWS, 21), "password");
        List<String> mostFrequent = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5).map(Map.Entry::getKey).toList();

        assertEquals("123456", mostFrequent.get(0));
        assertEquals(Set.of("123456", "password", "qwerty", "12345678", "password123"), Set.copyOf(mostFrequent));
        long seenOnce = counts.values().stream().filter(count -> count == 1).count();
        assertTrue(seenOnce > ROWS * 0.3, "many passwords are unique: " + seenOnce);
    }

    @Test
    void ethnicitiesFollowTheCensusWithHanAboutNinetyOnePerCent() {
        SynthTables tables = SynthTables.load();
        assertEquals(56, tables.ethnicGroups.size(), "the 56 recognised groups");

        Map<String, Long> counts = counts(Samples.rows(BreachKind.PARTY_ROSTER, ROWS, 22), "ethnicity");
        assertEquals(0.911, (double) counts.get("汉族") / ROWS, 0.01);
        assertTrue(counts.get("壮族") > counts.get("藏族"), "Zhuang outnumber Tibetans, as in the census");
        assertTrue(counts.size() > 30, "the small groups appear too: " + counts.size());
    }

    @Test
    void surnamesFollowRealFrequencies() {
        Map<String, Long> surnames = Samples.rows(BreachKind.POLICE_RECORDS, ROWS, 23).stream()
                .map(row -> row.get("name").substring(0, 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> topThree = surnames.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(3).map(Map.Entry::getKey).toList();

        assertEquals(Set.of("王", "李", "张"), Set.copyOf(topThree));
    }

    private static Map<String, Long> counts(List<CSVRecord> rows, String column) {
        return rows.stream().collect(Collectors.groupingBy(row -> row.get(column), Collectors.counting()));
    }
}
