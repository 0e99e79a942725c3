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
 * subscribed and every breach matched since, in the language the page is read in.
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
    public record Report(String email, List<IdentifierType> monitoredTypes, List<String> monitored, List<ToldBreach> breaches,
                         String unsubscribeUrl) {

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
    public Optional<Report> of(UUID subscription, Language language) {
        NotifyMessages messages = language.messages(NotifyMessages.class);
        return subscriptions.find(subscription).filter(Subscription::verified).map(found -> {
            List<IdentifierType> types = subscriptions.identifierTypes(found.id());
            return new Report(found.email(), types, types.stream().map(messages::monitored).toList(),
                    breaches.ofSubscription(found.id(), false, language), links.unsubscribeUrl(found.id()));
        });
    }
}
