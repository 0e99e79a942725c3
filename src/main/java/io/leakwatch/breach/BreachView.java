package io.leakwatch.breach;

import io.leakwatch.web.Language;
import io.quarkus.qute.RawString;

import java.util.List;

/** A breach as the public pages show it, in one language; {@code description} is sanitised HTML. */
public record BreachView(String name, String title, String domain, String date, String isoDate, String kind,
                         String people, List<DataClassLink> dataClasses, boolean sensitive, boolean verified,
                         boolean fabricated, RawString description) {

    /** An exposed data class, linked to the page that explains it. */
    public record DataClassLink(String slug, String name) {
        public String href() {
            return "/exposure/" + slug;
        }
    }

    public static BreachView of(Breach breach, Language language) {
        BreachMessages messages = language.messages(BreachMessages.class);
        List<DataClass> exposed = DataClass.ofSlugs(breach.dataClasses);
        return new BreachView(breach.name, breach.title, breach.domain, language.formatDate(breach.breachDate),
                breach.breachDate.toString(), messages.leakKind(LeakKind.of(exposed)),
                language.formatCount(breach.pwnCount),
                exposed.stream().map(dataClass -> new DataClassLink(dataClass.slug(), messages.dataClass(dataClass))).toList(),
                breach.sensitive, breach.verified, breach.fabricated, BreachDescription.html(breach.description));
    }

    public String href() {
        return "/breaches/" + name;
    }

    /** The description's text without markup, for plain-text mail. */
    public String descriptionText() {
        return BreachDescription.text(description.getValue());
    }

    /** The slugs separated by spaces, as the result page's script reads them. */
    public String dataClassSlugs() {
        return String.join(" ", dataClasses.stream().map(DataClassLink::slug).toList());
    }
}
