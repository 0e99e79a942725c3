package io.leakwatch.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;

import java.net.IDN;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one implementation of {@code shared/NORMALISATION.md}: ingestion, the generator, notifications
 * and tests all turn an identifier into the bytes that get hashed through this class, and the test
 * vectors in {@code fixtures/normalisation-vectors.csv} pin its behaviour for the browser's port.
 */
public final class IdentifierNormaliser {

    public static final String DEFAULT_PHONE_REGION = "CN";
    static final int MAX_USERNAME_LENGTH = 64;

    /** Unicode's White_Space property, which JavaScript's {@code \p{White_Space}} matches too. */
    private static final Pattern SURROUNDING_WHITESPACE =
            Pattern.compile("^\\p{IsWhite_Space}+|\\p{IsWhite_Space}+$");
    /** Spaces, dashes of any kind, dots and brackets, which people write between a number's digits. */
    private static final Pattern PHONE_FORMATTING = Pattern.compile("[\\p{IsWhite_Space}\\p{Pd}.()]");
    private static final Pattern PHONE_DIGITS = Pattern.compile("\\+?[0-9]+");


    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
    private final String defaultPhoneRegion;
    private final NationalIdNumbers nationalIds;
    private final BareNationalNumbers bareNationalNumbers;

    /**
     * @param defaultPhoneRegion ISO 3166 region assumed for phone numbers written without a country code
     * @param clock              today's date, past which no birth date in an ID number may lie
     */
    public IdentifierNormaliser(String defaultPhoneRegion, Clock clock) {
        if (!phoneNumbers.getSupportedRegions().contains(defaultPhoneRegion)) {
            throw new IllegalArgumentException("Unknown phone region: " + defaultPhoneRegion);
        }
        this.defaultPhoneRegion = defaultPhoneRegion;
        this.nationalIds = new NationalIdNumbers(clock);
        this.bareNationalNumbers = new BareNationalNumbers(defaultPhoneRegion);
    }

    /** CN phone numbers, and birth dates checked against today in China. */
    public IdentifierNormaliser() {
        this(DEFAULT_PHONE_REGION, Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    public NormalisationResult normalise(IdentifierType type, String input) {
        return switch (type) {
            case EMAIL -> email(input);
            case PHONE -> phone(input);
            case NATIONAL_ID -> nationalIds.normalise(compatible(input));
            case USERNAME -> username(input);
            case PASSWORD -> new Accepted(input);
        };
    }

    private static NormalisationResult email(String input) {
        String address = trimWhitespace(input);
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@')) {
            return new Rejected(InputProblem.EMAIL_FORMAT);
        }
        String lowerCased = address.toLowerCase(Locale.ROOT);
        String domain = lowerCased.substring(at + 1);
        String asciiDomain;
        try {
            asciiDomain = isPlainAsciiDomain(domain) ? domain : IDN.toASCII(domain);
        } catch (IllegalArgumentException unencodableDomain) {
            return new Rejected(InputProblem.EMAIL_FORMAT);
        }
        // Checked after IDN conversion, which also accepts the ideographic full stop as a dot
        if (asciiDomain.indexOf('.') < 0) {
            return new Rejected(InputProblem.EMAIL_FORMAT);
        }
        return new Accepted(lowerCased.substring(0, at + 1) + asciiDomain);
    }

    /**
     * Whether IDN conversion would return the domain as it is: labels of 1 to 63 lowercase letters,
     * digits and hyphens. The usual domain skips the conversion's cost; the test compares the two.
     */
    static boolean isPlainAsciiDomain(String domain) {
        int labelLength = 0;
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
                if (++labelLength > 63) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return labelLength > 0;
    }

    private NormalisationResult phone(String input) {
        String e164 = bareNationalNumbers.e164(input);
        if (e164 != null) {
            return new Accepted(e164);
        }
        String digits = PHONE_FORMATTING.matcher(compatible(input)).replaceAll("");
        if (!PHONE_DIGITS.matcher(digits).matches()) {
            return new Rejected(InputProblem.PHONE_FORMAT);
        }
        // 00 is the international prefix in most of the world, whatever the default region's own prefix
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(digits, defaultPhoneRegion);
        } catch (NumberParseException unparseable) {
            return new Rejected(InputProblem.PHONE_FORMAT);
        }
        // Local-only numbers lack an area code, so they have no E.164 form
        if (phoneNumbers.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
            return new Rejected(InputProblem.PHONE_NOT_POSSIBLE);
        }
        return new Accepted(phoneNumbers.format(number, PhoneNumberFormat.E164));
    }

    private static NormalisationResult username(String input) {
        String trimmed = trimWhitespace(input);
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < 1 || length > MAX_USERNAME_LENGTH) {
            return new Rejected(InputProblem.USERNAME_LENGTH);
        }
        // ASCII is its own NFKC form: most usernames skip the normaliser's table lookups
        String composed = isAscii(trimmed) ? trimmed : Normalizer.normalize(trimmed, Normalizer.Form.NFKC);
        return new Accepted(composed.toLowerCase(Locale.ROOT));
    }

    /**
     * Full-width digits, letters, plus signs, brackets and spaces (as Chinese input methods type them)
     * as their ASCII forms: Unicode NFKC, for phone and ID numbers, whose valid forms are ASCII anyway.
     */
    static String compatible(String input) {
        return isAscii(input) ? input : Normalizer.normalize(input, Normalizer.Form.NFKC);
    }

    private static String trimWhitespace(String input) {
        if (input.isEmpty() || (isVisibleAscii(input.charAt(0)) && isVisibleAscii(input.charAt(input.length() - 1)))) {
            return input; // the usual case, decided without a regular expression
        }
        return SURROUNDING_WHITESPACE.matcher(input).replaceAll("");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** No visible ASCII character is White_Space. */
    private static boolean isVisibleAscii(char c) {
        return c > ' ' && c < 0x7F;
    }
}
