package io.leakwatch.notify;

import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachView;
import io.leakwatch.explain.ExposureBrief;
import io.leakwatch.web.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds {@link ToldBreach}s: one breach for an alert, or the breaches of a subscriber's ledger. */
@ApplicationScoped
@Transactional
public class BreachViews {

    private final DataSource dataSource;

    public BreachViews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The breach of an alert, if the subscriber may (still) be told of it ({@link SubscriberDisclosure}). */
    public Optional<ToldBreach> alerted(UUID subscription, long breachId, Language language) {
        return told(subscription, " AND breach_id = ?", statement -> statement.setLong(2, breachId), language).stream().findFirst();
    }

    /**
     * The breaches in a subscription's ledger that the subscriber may be told of ({@link
     * SubscriberDisclosure}), newest breach first; only those announced in the confirmation mail when
     * {@code welcomeOnly}.
     */
    public List<ToldBreach> ofSubscription(UUID subscription, boolean welcomeOnly, Language language) {
        return told(subscription, welcomeOnly ? " AND announced = 'welcome'" : "", statement -> { }, language);
    }

    private List<ToldBreach> told(UUID subscription, String condition, Subscriptions.Binder more, Language language) {
        Map<Long, Boolean> throughEmail = Jdbc.query(dataSource,
                        "SELECT breach_id, through_email FROM notify_alert WHERE subscription_id = ?" + condition,
                        statement -> {
                            statement.setObject(1, subscription);
                            more.bind(statement);
                        },
                        rs -> Map.entry(rs.getLong(1), rs.getBoolean(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (throughEmail.isEmpty()) {
            return List.of();
        }
        return Breach.<Breach>list("id in ?1 order by breachDate desc, name", throughEmail.keySet()).stream()
                .filter(breach -> SubscriberDisclosure.mayName(breach, throughEmail.get(breach.id)))
                .map(breach -> view(breach, language)).toList();
    }

    private static ToldBreach view(Breach breach, Language language) {
        return new ToldBreach(BreachView.of(breach, language), ExposureBrief.allOf(breach.dataClasses, language));
    }
}
