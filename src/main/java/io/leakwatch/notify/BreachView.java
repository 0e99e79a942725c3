package io.leakwatch.notify;

import io.leakwatch.breach.BreachDescription;
import io.quarkus.qute.RawString;

import java.util.List;

/**
 * A breach as a mail or a report tells a subscriber about it, in the subscriber's language. Sensitive
 * breaches are included here: only a subscriber whose verified email address is in one ever sees it
 * ({@link SubscriberDisclosure}).
 */
public record BreachView(String name, String title, String domain, String breachDate, String description,
                         String accounts, boolean sensitive, List<ExposureAdvice.Exposure> exposures) {

    /** The description, HTML as in Have I Been Pwned's model, sanitised for including as it is. */
    public RawString descriptionHtml() {
        return BreachDescription.html(description);
    }

    /** The description's text, for plain-text mail. */
    public String descriptionText() {
        return BreachDescription.text(description);
    }
}
