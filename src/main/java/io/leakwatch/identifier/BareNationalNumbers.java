package io.leakwatch.identifier;

import io.leakwatch.identifier.PhoneRules.RegionRules;

import java.util.regex.Pattern;

/**
 * A shortcut past libphonenumber for the commonest phone number in bulk files: the default region's
 * national number written as bare digits ({@code 13800138000}). When it has no leading zero, a
 * possible length, and none of the region's prefixes (international, national or its own country
 * code) could be read at its start, {@code PhoneNumberUtil.parse} keeps every digit as the national
 * number and its E.164 form is the country code followed by the digits, so the full parse (several
 * microseconds a number) is skipped. Any other input returns null and takes the full path;
 * IdentifierNormaliserTest compares both paths number by number.
 */
final class BareNationalNumbers {

    private static final int LONGEST_NATIONAL_NUMBER = 17;

    private final String countryCode;
    private final Pattern internationalPrefix;
    private final Pattern nationalPrefix;
    private final boolean[] possibleLength = new boolean[LONGEST_NATIONAL_NUMBER + 1];

    BareNationalNumbers(String defaultRegion) {
        RegionRules region = PhoneRules.regionRules(defaultRegion);
        this.countryCode = Integer.toString(region.countryCode());
        this.internationalPrefix = Pattern.compile(region.internationalPrefix());
        String nationalPrefixForParsing = region.nationalPrefixForParsing();
        this.nationalPrefix = nationalPrefixForParsing.isEmpty() ? null : Pattern.compile(nationalPrefixForParsing);
        // libphonenumber judges lengths by the rules of the calling code's main region (US for CA)
        RegionRules lengthRules = PhoneRules.forCallingCode(region.countryCode());
        for (int length : lengthRules.possibleLengths()) {
            if (length <= LONGEST_NATIONAL_NUMBER && !lengthRules.localOnlyLengths().contains(length)) {
                possibleLength[length] = true;
            }
        }
    }

    /** The E.164 form of a bare national number, or null when the input needs the full parse. */
    String e164(String input) {
        int length = input.length();
        if (length > LONGEST_NATIONAL_NUMBER || !possibleLength[length] || input.charAt(0) == '0') {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (input.charAt(i) < '0' || input.charAt(i) > '9') {
                return null;
            }
        }
        if (input.startsWith(countryCode) || internationalPrefix.matcher(input).lookingAt()
                || (nationalPrefix != null && nationalPrefix.matcher(input).lookingAt())) {
            return null;
        }
        return "+" + countryCode + input;
    }
}
