package io.leakwatch.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages notification mails are written in; {@link #code()} is what a subscription keeps. */
public enum Language {
    ENGLISH("en", "English"),
    CHINESE("zh", "中文");

    private final String code;
    private final String nativeName;

    Language(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
    }

    public String code() {
        return code;
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return this == CHINESE ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * The language an {@code Accept-Language} header prefers among ours: the first of its ranges, by
     * weight, that is English or Chinese; English when none is.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String primary = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (primary.equals("zh")) {
                    return CHINESE;
                }
                if (primary.equals("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}
