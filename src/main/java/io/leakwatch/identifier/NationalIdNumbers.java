package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PRC resident identity card numbers (GB 11643): six digits of administrative division, the birth
 * date, a three-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character.
 */
public final class NationalIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /** What people write between the parts of an ID number: spaces and dashes of any kind. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}\\p{Pd}]");

    private final Clock clock;

    NationalIdNumbers(Clock clock) {
        this.clock = clock;
    }

    /** The check character (a digit or {@code X}) that completes the first 17 digits of an ID number. */
    public static char checkCharacter(CharSequence first17Digits) {
        if (first17Digits.length() != WEIGHTS.length) {
            throw new IllegalArgumentException("An ID number's check character needs exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            char digit = first17Digits.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("An ID number's first 17 characters are digits");
            }
            sum += (digit - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** @param input an ID number in ASCII (see {@link IdentifierNormaliser#compatible}), maybe with separators */
    NormalisationResult normalise(String input) {
        // Plain loops rather than regular expressions: bulk files hold one of these per row
        String id = isCompact(input) ? input : SEPARATORS.matcher(input).replaceAll("");
        if (id.length() == 15 && digitsUpTo(id, 15)) {
            // The 15-digit form has a two-digit year in the 1900s and no check character
            String first17 = id.substring(0, 6) + "19" + id.substring(6);
            Optional<InputProblem> dateProblem = birthDateProblem(first17);
            return dateProblem.isPresent()
                    ? new Rejected(dateProblem.get())
                    : new Accepted(first17 + checkCharacter(first17));
        }
        if (id.length() != 18 || !digitsUpTo(id, 17) || !isCheckCharacter(id.charAt(17))) {
            return new Rejected(InputProblem.NATIONAL_ID_FORMAT);
        }
        String upperCased = id.charAt(17) == 'x' ? id.substring(0, 17) + 'X' : id;
        Optional<InputProblem> dateProblem = birthDateProblem(upperCased);
        if (dateProblem.isPresent()) {
            return new Rejected(dateProblem.get());
        }
        if (checkCharacter(upperCased.substring(0, 17)) != upperCased.charAt(17)) {
            return new Rejected(InputProblem.NATIONAL_ID_CHECK_CHARACTER);
        }
        return new Accepted(upperCased);
    }

    private Optional<InputProblem> birthDateProblem(String idWithFourDigitYear) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(number(idWithFourDigitYear, 6, 10), number(idWithFourDigitYear, 10, 12),
                    number(idWithFourDigitYear, 12, 14));
        } catch (DateTimeException notACalendarDate) {
            return Optional.of(InputProblem.NATIONAL_ID_BIRTH_DATE);
        }
        if (birthDate.isAfter(LocalDate.now(clock))) {
            return Optional.of(InputProblem.NATIONAL_ID_FUTURE_BIRTH_DATE);
        }
        return Optional.empty();
    }

    /** Whether an input has no separator to remove: the usual case in bulk files, decided without a regular expression. */
    private static boolean isCompact(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean digitsUpTo(String id, int end) {
        for (int i = 0; i < end; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCheckCharacter(char c) {
        return (c >= '0' && c <= '9') || c == 'X' || c == 'x';
    }

    /** The decimal number written by digits already checked. */
    private static int number(String digits, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            value = value * 10 + digits.charAt(i) - '0';
        }
        return value;
    }
}
