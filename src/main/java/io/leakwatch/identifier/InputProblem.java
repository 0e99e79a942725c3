package io.leakwatch.identifier;

import java.util.Locale;

/**
 * What is wrong with an input, as a person should be told it: why the normaliser refused it (in Java,
 * {@link NormalisationResult.Rejected}; in the browser, {@code js/normalise.js}), or what the check page
 * finds when an input looks like a mistyped identifier of some type ({@code js/identify.js}). Pages name
 * a problem by its slug and hold its words in each language (the {@code check} message bundle).
 */
public enum InputProblem {
    EMAIL_FORMAT,
    PHONE_FORMAT,
    PHONE_NOT_POSSIBLE,
    NATIONAL_ID_FORMAT,
    NATIONAL_ID_CHECK_CHARACTER,
    NATIONAL_ID_BIRTH_DATE,
    NATIONAL_ID_FUTURE_BIRTH_DATE,
    USERNAME_LENGTH,
    /** Nothing typed. */
    EMPTY,
    /** A possible number by its length, but no number of any kind in the default region (CN). */
    PHONE_NOT_VALID,
    /** A phone number but for a letter where a digit belongs (O for 0, l or I for 1). */
    PHONE_LETTER_FOR_DIGIT,
    /** An ID number but for a letter where a digit belongs. */
    NATIONAL_ID_LETTER_FOR_DIGIT,
    /** Shaped like an ID number (an area code and a birth date) but of the wrong length. */
    NATIONAL_ID_LENGTH;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
