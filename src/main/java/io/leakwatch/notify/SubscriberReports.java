package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.web.Language;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A verified subscriber's report: every breach their ledger holds that they may be told of (sensitive
 * ones only where their own email address is in them, see {@link SubscriberDisclosure}), with what
 * each exposed and what to do. The ledger lists the breaches found in the index when they
 * subscribed and every breach matched since. Pages are in English for now (the site has no other
 * language yet); mails follow the subscriber's language.
 */
@ApplicationScoped
public class SubscriberReports {

    private final Subscriptions subscriptions;
    private final BreachViews breaches;
    private final SignedLinks links;

    public SubscriberReports(Subscriptions subscriptions, BreachViews breaches, SignedLinks links) {
        this.subscriptions = subscriptions;
        this.breaches = breaches;
        this.links = links;
    }

    /** The report as the page shows it; {@code email} is shown to its owner only, here. */
    public record Report(String email, List<IdentifierType> monitoredTypes, List<ToldBreach> breaches, String unsubscribeUrl) {
        public List<String> monitored() {
            return monitoredTypes.stream().map(SubscriberReports::describe).toList();
        }

        /** Whether identifiers besides the email address are monitored: the report then says what it leaves out. */
        public boolean othersMonitored() {
            return monitoredTypes.stream().anyMatch(type -> type != IdentifierType.EMAIL);
        }

        public boolean sensitiveIncluded() {
            return breaches.stream().anyMatch(told -> told.breach().sensitive());
        }

        @Override
        public String toString() {
            return "Report[" + breaches.size() + " breaches]";
        }
    }

    /** The report of a verified subscription; empty for one that is gone or not verified. */
    public Optional<Report> of(UUID subscription) {
        return subscriptions.find(subscription).filter(Subscription::verified).map(found -> new Report(found.email(),
                subscriptions.identifierTypes(found.id()),
                breaches.ofSubscription(found.id(), false, Language.ENGLISH),
                links.unsubscribeUrl(found.id())));
    }

    private static String describe(IdentifierType type) {
        return switch (type) {
            case EMAIL -> "your email address";
            case PHONE -> "a phone number";
            case NATIONAL_ID -> "a national ID number";
            case USERNAME -> "a username";
            case PASSWORD -> "a password";
        };
    }
}
