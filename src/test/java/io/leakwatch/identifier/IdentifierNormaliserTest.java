package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the shared vectors cannot say: settings, and the wording people see. */
class IdentifierNormaliserTest {

    @Test
    void theDefaultPhoneRegionIsASetting() {
        IdentifierNormaliser american = new IdentifierNormaliser("US", Clock.systemUTC());

        assertEquals(new Accepted("+12025550143"), american.normalise(IdentifierType.PHONE, "(202) 555-0143"));
        assertEquals(new Accepted("+8613800138000"), american.normalise(IdentifierType.PHONE, "0086 138 0013 8000"),
                "00 works even where the region's own international prefix is 011");
    }

    @Test
    void anUnknownDefaultRegionIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifierNormaliser("XX", Clock.systemUTC()));
    }

    @Test
    void rejectionsNameTheExpectedFormat() {
        IdentifierNormaliser normaliser = new IdentifierNormaliser();

        assertTrue(message(normaliser, IdentifierType.EMAIL, "user@localhost").contains("name@example.com"));
        assertTrue(message(normaliser, IdentifierType.PHONE, "12345").contains("+86 138 0013 8000"));
        assertTrue(message(normaliser, IdentifierType.NATIONAL_ID, "440305199001011231").contains("17 digits and a last digit or X"));
        assertTrue(message(normaliser, IdentifierType.USERNAME, "").contains("1 to 64 characters"));
    }

    private static String message(IdentifierNormaliser normaliser, IdentifierType type, String input) {
        return assertInstanceOf(Rejected.class, normaliser.normalise(type, input)).message();
    }
}
