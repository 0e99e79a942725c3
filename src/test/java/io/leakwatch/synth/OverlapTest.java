package io.leakwatch.synth;

import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult.Accepted;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People reappear across breaches generated with the same seed, in the requested share. */
class OverlapTest {

    private static final int ROWS = 10_000;
    private static final long SEED = 2024;

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();
    private final List<CSVRecord> police = Samples.rows(BreachKind.POLICE_RECORDS, ROWS, SEED);

    @Test
    void telcoRecordsShareTheRequestedFractionOfPhonesWithPoliceRecords() {
        Set<String> policePhones = column(police, "phone");
        List<CSVRecord> telco = Samples.rows(BreachKind.TELCO_LOCATION, ROWS, SEED,
                Optional.of(new Overlap(BreachKind.POLICE_RECORDS, 0.3)));

        assertEquals(0.3, shareFoundIn(telco, "phone", policePhones), 0.02);
    }

    @Test
    void aPartyRosterSharesNationalIdsNamesAndBirthDatesWithPoliceRecords() {
        List<CSVRecord> roster = Samples.rows(BreachKind.PARTY_ROSTER, ROWS, SEED,
                Optional.of(new Overlap(BreachKind.POLICE_RECORDS, 0.5)));
        Set<String> policePeople = police.stream()
                .map(row -> normalisedId(row.get("national_id")) + row.get("name") + row.get("date_of_birth"))
                .collect(Collectors.toSet());

        long shared = roster.stream()
                .filter(row -> policePeople.contains(row.get("national_id") + row.get("name") + row.get("date_of_birth")))
                .count();
        assertEquals(0.5, (double) shared / ROWS, 0.02);
    }

    @Test
    void withoutOverlapKindsShareNobody() {
        List<CSVRecord> telco = Samples.rows(BreachKind.TELCO_LOCATION, ROWS, SEED);

        assertTrue(shareFoundIn(telco, "phone", column(police, "phone")) < 0.001, "only chance collisions");
    }

    @Test
    void overlapFractionsOutsideZeroToOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Overlap.parse("police-records:0"));
        assertThrows(IllegalArgumentException.class, () -> Overlap.parse("police-records:1.5"));
        assertThrows(IllegalArgumentException.class, () -> Overlap.parse("police-records:NaN"));
        assertThrows(IllegalArgumentException.class, () -> Overlap.parse("nobody:0.5"));
        assertThrows(IllegalArgumentException.class, () -> Overlap.parse("police-records"));
        assertEquals(new Overlap(BreachKind.TELCO_LOCATION, 1.0), Overlap.parse("telco-location:1"));
    }

    private static double shareFoundIn(List<CSVRecord> rows, String column, Set<String> values) {
        return (double) rows.stream().filter(row -> values.contains(row.get(column))).count() / rows.size();
    }

    private static Set<String> column(List<CSVRecord> rows, String column) {
        return rows.stream().map(row -> row.get(column)).collect(Collectors.toSet());
    }

    /** Police records keep a few 15-digit IDs; the roster always has the 18-digit form. */
    private String normalisedId(String id) {
        return ((Accepted) normaliser.normalise(IdentifierType.NATIONAL_ID, id)).normalised();
    }
}
