package io.leakwatch.notify;

import io.leakwatch.breach.Breach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds {@link BreachView}s: one breach for an alert, or the breaches of a subscriber's ledger. */
@ApplicationScoped
@Transactional
public class BreachViews {

    private final ExposureAdvice advice;
    private final DataSource dataSource;

    public BreachViews(ExposureAdvice advice, DataSource dataSource) {
        this.advice = advice;
        this.dataSource = dataSource;
    }

    /** The breach of an alert, if the subscriber may (still) be told of it ({@link SubscriberDisclosure}). */
    public Optional<BreachView> alerted(UUID subscription, long breachId, Language language) {
        return told(subscription, " AND breach_id = ?", statement -> statement.setLong(2, breachId), language).stream().findFirst();
    }

    /**
     * The breaches in a subscription's ledger that the subscriber may be told of ({@link
     * SubscriberDisclosure}), newest breach first; only those announced in the confirmation mail when
     * {@code welcomeOnly}.
     */
    public List<BreachView> ofSubscription(UUID subscription, boolean welcomeOnly, Language language) {
        return told(subscription, welcomeOnly ? " AND announced = 'welcome'" : "", statement -> { }, language);
    }

    private List<BreachView> told(UUID subscription, String condition, Subscriptions.Binder more, Language language) {
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

    private BreachView view(Breach breach, Language language) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        io.leakwatch.web.Language written = io.leakwatch.web.Language.ofCode(language.code()).orElseThrow();
        return new BreachView(breach.name, breach.titleIn(written), breach.domain, dates.format(breach.breachDate),
                breach.descriptionIn(written), NumberFormat.getIntegerInstance(language.locale()).format(breach.pwnCount),
                breach.sensitive, breach.dataClasses.stream().map(slug -> advice.explain(slug, language)).toList());
    }
}
