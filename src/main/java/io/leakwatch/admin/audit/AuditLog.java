package io.leakwatch.admin.audit;

import io.leakwatch.admin.AdminConfig;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin audit log: sign-ins, token use and every admin action. It is the only place where admin
 * usernames are written down; the application log never names an account.
 *
 * <p>An event that repeats (the same actor, action, subject and client address within
 * {@link #REPEATS_FOLDED_WITHIN} of its last repeat) adds to the count of its row instead of writing a
 * new one, so a flood of bogus tokens or failed sign-ins stays one line. Events are kept for
 * {@code leakwatch.admin.audit.retention} after their last repeat.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** Actor of events that no admin caused: the environment at start, or the command line. */
    public static final String ENVIRONMENT = "environment (LEAKWATCH_ADMIN_*)";
    public static final String COMMAND_LINE = "command line";
    /** Actor of a failed sign-in whose name matches no account; what was typed is not kept. */
    public static final String UNKNOWN_ACCOUNT = "(unknown account)";
    static final Duration REPEATS_FOLDED_WITHIN = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final Clock clock;
    private final AdminConfig.Audit config;
    private final EntityManager entityManager;

    public AuditLog(Clock clock, AdminConfig config, EntityManager entityManager) {
        this.clock = clock;
        this.config = config.audit();
        this.entityManager = entityManager;
    }

    public void record(String actor, AuditAction action, String subject, String clientAddress) {
        Instant now = Instant.now(clock);
        String what = subject == null ? "" : subject;
        String from = clientAddress == null ? "" : clientAddress;
        int repeated = entityManager.createNativeQuery("""
                        UPDATE admin_audit_event SET repeat_count = repeat_count + 1,
                               last_occurred_at = greatest(last_occurred_at, :now)
                        WHERE id = (SELECT id FROM admin_audit_event
                                    WHERE action = :action AND actor = :actor AND subject = :subject
                                      AND client_address = :address AND last_occurred_at > :since
                                    ORDER BY last_occurred_at DESC, id DESC LIMIT 1)""")
                .setParameter("now", now)
                .setParameter("action", action.code())
                .setParameter("actor", actor)
                .setParameter("subject", what)
                .setParameter("address", from)
                .setParameter("since", now.minus(REPEATS_FOLDED_WITHIN))
                .executeUpdate();
        if (repeated > 0) {
            return;
        }
        AuditEvent event = new AuditEvent();
        event.occurredAt = now;
        event.lastOccurredAt = now;
        event.repeatCount = 1;
        event.actor = actor;
        event.action = action.code();
        event.subject = what;
        event.clientAddress = from;
        event.persist();
    }

    /**
     * Up to {@code size} events, latest repeat first: of {@code action} only when given, and older
     * than {@code before} when given (the {@link AuditPage#older()} of the page before).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage page(Optional<AuditAction> action, Optional<Position> before, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        action.ifPresent(wanted -> {
            conditions.add("action = :action");
            parameters.put("action", wanted.code());
        });
        before.ifPresent(position -> {
            conditions.add("(lastOccurredAt < :at or (lastOccurredAt = :at and id < :id))");
            parameters.put("at", position.lastOccurredAt());
            parameters.put("id", position.id());
        });
        String query = conditions.isEmpty() ? "from AuditEvent" : "from AuditEvent where " + String.join(" and ", conditions);
        List<AuditEvent> events = AuditEvent.<AuditEvent>find(query, Sort.descending("lastOccurredAt", "id"), parameters)
                .page(Page.ofSize(size + 1)).list();
        List<AuditEntry> entries = events.stream().limit(size).map(AuditEntry::of).toList();
        Optional<Position> older = events.size() > size
                ? Optional.of(new Position(entries.get(size - 1).lastOccurredAt(), entries.get(size - 1).id()))
                : Optional.empty();
        return new AuditPage(entries, older);
    }

    // Not at start: a portal that refuses to start would run it while shutting down
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldEvents() {
        int deleted = entityManager.createNativeQuery("DELETE FROM admin_audit_event WHERE last_occurred_at < :cutoff")
                .setParameter("cutoff", Instant.now(clock).minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.infof("Deleted %d audit events older than the retention of %s", deleted, config.retention());
        }
    }

    /** Where a page of the log ends: the next page starts after this event. */
    public record Position(Instant lastOccurredAt, long id) {
    }

    /** A page of events, and where the next older page starts if there is one. */
    public record AuditPage(List<AuditEntry> events, Optional<Position> older) {
    }

    /** An audit event as the admin pages show it; {@code repeats} is 1 for an event that happened once. */
    public record AuditEntry(long id, Instant occurredAt, Instant lastOccurredAt, int repeats, String actor,
                             String action, String subject, String clientAddress) {
        static AuditEntry of(AuditEvent event) {
            return new AuditEntry(event.id, event.occurredAt, event.lastOccurredAt, event.repeatCount, event.actor,
                    event.action, event.subject, event.clientAddress);
        }

        /** The action, if this version knows its code (a newer version may have recorded others). */
        public Optional<AuditAction> kind() {
            return AuditAction.ofCode(action);
        }
    }
}
