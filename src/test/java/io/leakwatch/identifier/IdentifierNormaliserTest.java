package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    /**
     * Bare digits may skip libphonenumber (BareNationalNumbers): for every three-digit start and
     * length, some numbers are compared with what libphonenumber itself makes of them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CN", "US", "CA", "GB", "DE", "IT", "IN", "JP", "RU", "BR", "HK", "AR"})
    void bareDigitsNormaliseAsLibphonenumberParsesThem(String region) {
        IdentifierNormaliser normaliser = new IdentifierNormaliser(region, Clock.systemUTC());
        Random random = new Random(region.hashCode());
        for (int start = 0; start < 1000; start++) {
            for (int length = 3; length <= 17; length++) {
                StringBuilder digits = new StringBuilder(String.format("%03d", start));
                while (digits.length() < length) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                String number = digits.toString();
                assertEquals(libphonenumberE164(number, region), accepted(normaliser.normalise(IdentifierType.PHONE, number)),
                        () -> number + " in " + region);
            }
        }
    }

    @Test
    void commonBareNumbersTakeTheShortcutAndOthersDoNot() {
        BareNationalNumbers chinese = new BareNationalNumbers("CN");

        assertEquals("+8613800138000", chinese.e164("13800138000"));
        assertEquals("+861065529988", chinese.e164("1065529988"));
        assertNull(chinese.e164("17912345678"), "179 may be a carrier prefix in CN");
        assertNull(chinese.e164("01065529988"), "a trunk prefix");
        assertNull(chinese.e164("8613800138000"), "starts with the country code");
        assertNull(chinese.e164("138 0013 8000"), "formatted");
        assertNull(chinese.e164("12345"), "local only");
    }

    /** Random domains around the edges (empty and 63-character labels, dots, hyphens) skip IDN only where it changes nothing. */
    @Test
    void plainDomainsSkipIdnConversionOnlyWhereItWouldKeepThemAsTheyAre() {
        Random random = new Random(5);
        String alphabet = "az09-..";
        int shortcuts = 0;
        for (int round = 0; round < 100_000; round++) {
            StringBuilder domain = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 60 + random.nextInt(10) : random.nextInt(12);
            for (int i = 0; i < length; i++) {
                domain.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = domain.toString();
            if (IdentifierNormaliser.isPlainAsciiDomain(candidate)) {
                shortcuts++;
                assertEquals(java.net.IDN.toASCII(candidate), candidate, candidate);
            }
        }
        assertTrue(shortcuts > 10_000, "the shortcut is taken often enough to be tested: " + shortcuts);
    }

    /** The full path: what PhoneNumberUtil makes of digits in a region, or null when it is no possible number. */
    private static String libphonenumberE164(String digits, String region) {
        PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = phoneNumbers.parse(digits.startsWith("00") ? "+" + digits.substring(2) : digits, region);
            return phoneNumbers.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE
                    ? phoneNumbers.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException notANumber) {
            return null;
        }
    }

    private static String accepted(NormalisationResult result) {
        return result instanceof Accepted accepted ? accepted.normalised() : null;
    }

    @Test
    void anUnknownDefaultRegionIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new IdentifierNormaliser("XX", Clock.systemUTC()));
    }

    @Test
    void rejectionsSayWhatIsWrong() {
        IdentifierNormaliser normaliser = new IdentifierNormaliser();

        assertEquals(InputProblem.EMAIL_FORMAT, problem(normaliser, IdentifierType.EMAIL, "user@localhost"));
        assertEquals(InputProblem.PHONE_FORMAT, problem(normaliser, IdentifierType.PHONE, "138 0013 8000 ext 5"));
        assertEquals(InputProblem.PHONE_NOT_POSSIBLE, problem(normaliser, IdentifierType.PHONE, "12345"));
        assertEquals(InputProblem.NATIONAL_ID_FORMAT, problem(normaliser, IdentifierType.NATIONAL_ID, "1101051949123100"));
        assertEquals(InputProblem.NATIONAL_ID_CHECK_CHARACTER, problem(normaliser, IdentifierType.NATIONAL_ID, "440305199001011231"));
        assertEquals(InputProblem.NATIONAL_ID_BIRTH_DATE, problem(normaliser, IdentifierType.NATIONAL_ID, "440305199002301239"));
        assertEquals(InputProblem.NATIONAL_ID_FUTURE_BIRTH_DATE, problem(normaliser, IdentifierType.NATIONAL_ID, "440305209901011231"));
        assertEquals(InputProblem.USERNAME_LENGTH, problem(normaliser, IdentifierType.USERNAME, ""));
    }

    private static InputProblem problem(IdentifierNormaliser normaliser, IdentifierType type, String input) {
        return assertInstanceOf(Rejected.class, normaliser.normalise(type, input)).problem();
    }
}
