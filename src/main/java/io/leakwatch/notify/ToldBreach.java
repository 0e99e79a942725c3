package io.leakwatch.notify;

import io.leakwatch.breach.BreachView;
import io.leakwatch.explain.ExposureBrief;

import java.util.List;

/**
 * A breach as a mail or a report tells a subscriber about it, in the subscriber's language: the
 * portal's view of the breach, and what each kind of data it exposed means for them. Sensitive
 * breaches are included: only a subscriber whose verified email address is in one ever sees it
 * ({@link SubscriberDisclosure}).
 */
public record ToldBreach(BreachView breach, List<ExposureBrief> exposures) {
}
