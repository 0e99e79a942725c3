package io.leakwatch.notify;

import io.leakwatch.breach.DataClass;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * What each kind of exposed data means for a person and what they can do about it, in each mail
 * language: the explanations of mails and reports. The texts are in
 * {@code notify/exposures_<language>.properties}, keyed by data-class slug.
 */
@ApplicationScoped
public class ExposureAdvice {

    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    public ExposureAdvice() {
        for (Language language : Language.values()) {
            texts.put(language, load("notify/exposures_" + language.code() + ".properties"));
        }
    }

    /** One exposed data class explained. */
    public record Exposure(String name, String meaning, String advice) {
    }

    /** The explanation of a stored data-class slug; an unknown slug (from a newer version) gets a general one. */
    public Exposure explain(String slug, Language language) {
        Properties text = texts.get(language);
        String name = text.getProperty(slug + ".name",
                DataClass.ofSlug(slug).map(DataClass::displayName).orElse(slug));
        return new Exposure(name, text.getProperty(slug + ".meaning", text.getProperty("other.meaning")),
                text.getProperty(slug + ".advice", text.getProperty("other.advice")));
    }

    /** Whether every text of {@code slug} exists in {@code language} (for tests of the text files). */
    boolean isComplete(String slug, Language language) {
        Properties text = texts.get(language);
        return text.containsKey(slug + ".name") && text.containsKey(slug + ".meaning") && text.containsKey(slug + ".advice");
    }

    private static Properties load(String resource) {
        try (InputStream in = ExposureAdvice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
