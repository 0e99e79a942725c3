package io.leakwatch.admin;

import io.leakwatch.web.Language;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

/**
 * How the admin pages write numbers, sizes and times, in the page's language: {@code {count.grouped}}
 * (1,234,567), {@code {bytes.byteSize}} (5.0 MiB) and, through {@code tags/time.html}, an instant in UTC
 * that says so, which {@code js/admin.js} turns into the reader's own time zone.
 */
@TemplateExtension
public final class AdminFormats {

    private static final String[] BINARY_UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private AdminFormats() {
    }

    static String grouped(Number count, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return Language.ofLocale(locale).formatCount(count.longValue());
    }

    /** A size in the largest binary unit it reaches, with one decimal: 5,242,904 bytes is 5.0 MiB. */
    static String byteSize(Number size, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        long bytes = size.longValue();
        Language language = Language.ofLocale(locale);
        if (bytes < 1024) {
            return language.formatCount(bytes) + " " + BINARY_UNITS[0];
        }
        double inUnit = bytes;
        int unit = 0;
        while (inUnit >= 1024 && unit < BINARY_UNITS.length - 1) {
            inUnit /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(language.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(inUnit) + " " + BINARY_UNITS[unit];
    }

    /** The instant in UTC, in words of the page's language, saying UTC: Nov 30, 2026, 8:23 AM UTC. */
    static String utc(Instant instant, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Language.ofLocale(locale).locale()).withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    /** The instant for a {@code datetime} attribute, to the second. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
