package io.leakwatch.breach;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeakKindTest {

    /** The seed leaks' data classes (README, synthetic breach data) and what they are taken for. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "names phone-numbers government-issued-ids dates-of-birth places-of-birth physical-addresses criminal-records police-reports | POLICE_RECORDS",
            "names government-issued-ids dates-of-birth ethnicities employers political-affiliations job-titles | PARTY_ROSTER",
            "phone-numbers device-information geographic-locations location-history | TELECOM_RECORDS",
            "names travel-records financial-records | TRAVEL_AND_FINANCIAL_RECORDS",
            "email-addresses usernames passwords | WEBSITE_ACCOUNTS",
            "names email-addresses physical-addresses | PERSONAL_RECORDS"})
    void aLeakIsKnownByTheDataItExposed(String slugs, LeakKind expected) {
        assertEquals(expected, LeakKind.of(DataClass.ofSlugs(java.util.List.of(slugs.split(" ")))));
    }
}
