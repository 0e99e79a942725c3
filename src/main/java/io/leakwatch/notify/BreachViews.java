package io.leakwatch.notify;

import io.leakwatch.breach.Breach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** A breach that is still public (published and not removed). */
    public Optional<BreachView> publicBreach(long breachId, Language language) {
        return Breach.<Breach>findByIdOptional(breachId).filter(Breach::isPublic).map(breach -> view(breach, language));
    }

    /**
     * The public breaches in a subscription's ledger, newest breach first; only those announced in
     * the confirmation mail when {@code welcomeOnly}.
     */
    public List<BreachView> ofSubscription(UUID subscription, boolean welcomeOnly, Language language) {
        List<Long> ids = Jdbc.query(dataSource, "SELECT breach_id FROM notify_alert WHERE subscription_id = ?"
                        + (welcomeOnly ? " AND announced = 'welcome'" : ""),
                statement -> statement.setObject(1, subscription), rs -> rs.getLong(1));
        if (ids.isEmpty()) {
            return List.of();
        }
        return Breach.<Breach>list("id in ?1 and publishedIn is not null and removedIn is null order by breachDate desc, name", ids)
                .stream().map(breach -> view(breach, language)).toList();
    }

    private BreachView view(Breach breach, Language language) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        return new BreachView(breach.name, breach.title, breach.domain, dates.format(breach.breachDate),
                breach.description, NumberFormat.getIntegerInstance(language.locale()).format(breach.pwnCount),
                breach.sensitive, breach.dataClasses.stream().map(slug -> advice.explain(slug, language)).toList());
    }
}
