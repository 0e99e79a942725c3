package io.leakwatch.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the public pages are written in. {@code code} names the message-bundle files and
 * the cookie value; {@code htmlTag} is what {@code lang} attributes say (Simplified Chinese script).
 */
public enum Language {
    ENGLISH("en", "en", "English"),
    CHINESE("zh", "zh-Hans", "简体中文");

    private final String code;
    private final String htmlTag;
    private final String autonym;

    Language(String code, String htmlTag, String autonym) {
        this.code = code;
        this.htmlTag = htmlTag;
        this.autonym = autonym;
    }

    public String code() {
        return code;
    }

    public String htmlTag() {
        return htmlTag;
    }

    /** The language's name in itself, as a language switch shows it. */
    public String autonym() {
        return autonym;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** A message bundle's texts in this language. */
    public <T> T messages(Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(code));
    }

    /** A count as people read it in this language, e.g. 1,234,567. */
    public String formatCount(long count) {
        return NumberFormat.getIntegerInstance(locale()).format(count);
    }

    /** A date in words, e.g. March 1, 2024 or 2024年3月1日. */
    public String formatDate(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    /** The language of a template instance's locale (its {@code TemplateInstance.LOCALE} attribute); English if none. */
    public static Language ofLocale(Object locale) {
        return locale instanceof Locale chosen ? ofCode(chosen.getLanguage()).orElse(ENGLISH) : ENGLISH;
    }

    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }

    /**
     * The best language for an {@code Accept-Language} header: the first range, by weight, that names
     * one of ours. Every Chinese variant gets Simplified Chinese, which readers of Traditional Chinese
     * follow better than English. English when nothing matches or the header is malformed.
     */
    public static Language preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        // parse() returns the ranges by descending weight
        return ranges.stream()
                .filter(range -> range.getWeight() > 0)
                .map(range -> languageOfRange(range.getRange()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(ENGLISH);
    }

    private static Optional<Language> languageOfRange(String range) {
        String primary = range.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return Arrays.stream(values()).filter(language -> language.code.equals(primary)).findFirst();
    }
}
