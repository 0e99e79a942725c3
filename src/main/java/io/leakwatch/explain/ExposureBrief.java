package io.leakwatch.explain;

import io.leakwatch.breach.BreachMessages;
import io.leakwatch.breach.DataClass;
import io.leakwatch.web.Language;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** One kind of exposed data in brief, in one language, as a breach alert mail explains it. */
public record ExposureBrief(String name, String meaning, String advice) {

    /**
     * A stored data-class slug explained; one this version does not know (stored by a newer one) is
     * named as it is and gets general words.
     */
    public static ExposureBrief of(String slug, Language language) {
        ExposureMessages messages = language.messages(ExposureMessages.class);
        Optional<DataClass> known = DataClass.ofSlug(slug);
        if (known.isEmpty()) {
            return new ExposureBrief(slug, messages.briefMeaningOther(), messages.briefAdviceOther());
        }
        DataClass dataClass = known.get();
        return new ExposureBrief(language.messages(BreachMessages.class).dataClass(dataClass),
                messages.briefMeaning(dataClass), messages.briefAdvice(dataClass));
    }

    /** Every stored slug of a breach explained, in the order stored. */
    public static List<ExposureBrief> allOf(Collection<String> slugs, Language language) {
        return slugs.stream().map(slug -> of(slug, language)).toList();
    }
}
