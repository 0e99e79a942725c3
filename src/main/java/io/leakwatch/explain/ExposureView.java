package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.leakwatch.breach.BreachMessages;
import io.leakwatch.web.Language;

import java.util.Collection;
import java.util.List;

/** One kind of exposed data explained, in one language. */
public record ExposureView(String slug, String name, Severity severity, String severityLabel, String summary,
                           String attacker, String seriousness, List<String> steps) {

    public static ExposureView of(DataClass dataClass, Language language) {
        ExposureMessages messages = language.messages(ExposureMessages.class);
        Severity severity = ExposureGuide.severityOf(dataClass);
        return new ExposureView(dataClass.slug(), language.messages(BreachMessages.class).dataClass(dataClass), severity,
                messages.severity(severity), messages.summary(dataClass), messages.attacker(dataClass),
                messages.seriousness(dataClass), Step.of(dataClass).stream().map(messages::step).toList());
    }

    /** The given data classes explained, most urgent first. */
    public static List<ExposureView> allOf(Collection<DataClass> dataClasses, Language language) {
        return ExposureGuide.byUrgency(dataClasses).stream().map(dataClass -> of(dataClass, language)).toList();
    }

    public String href() {
        return "/exposure/" + slug;
    }
}
