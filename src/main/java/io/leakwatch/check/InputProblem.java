package io.leakwatch.check;

import java.util.Locale;

/**
 * Why the browser's normaliser refused an input. The script names a problem by its slug
 * ({@code js/normalise.js}); the page holds each one's words, naming the format that would be accepted.
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
    EMPTY;

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
