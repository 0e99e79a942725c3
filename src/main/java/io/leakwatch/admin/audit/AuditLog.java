package io.leakwatch.admin.audit;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The admin audit log: sign-ins, token use and every admin action. It is the only place where admin
 * usernames are written down; the application log never names an account.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** Actor of events that no admin caused: the environment at start, or the command line. */
    public static final String ENVIRONMENT = "environment (LEAKWATCH_ADMIN_*)";
    public static final String COMMAND_LINE = "command line";
    /** Actor of a failed sign-in whose name matches no account; what was typed is not kept. */
    public static final String UNKNOWN_ACCOUNT = "(unknown account)";

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(String actor, AuditAction action, String subject, String clientAddress) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now(clock);
        event.actor = actor;
        event.action = action.code();
        event.subject = subject == null ? "" : subject;
        event.clientAddress = clientAddress == null ? "" : clientAddress;
        event.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> latest(int count) {
        List<AuditEvent> events = AuditEvent.findAll(Sort.descending("occurredAt", "id")).page(Page.ofSize(count)).list();
        return events.stream()
                .map(e -> new AuditEntry(e.occurredAt, e.actor, AuditAction.describe(e.action), e.action, e.subject, e.clientAddress))
                .toList();
    }

    /** An audit event as the admin pages show it. */
    public record AuditEntry(Instant occurredAt, String actor, String description, String action, String subject,
                             String clientAddress) {
    }
}
