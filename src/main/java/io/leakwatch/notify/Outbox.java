package io.leakwatch.notify;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mail waiting to be sent (table notify_mail). A mail is queued in the transaction that decides to
 * send it, and claimed by the worker for a lease: if the process dies while sending, the mail becomes
 * due again when the lease ends, so a mail is sent at least once and, short of such a crash, once.
 */
@ApplicationScoped
public class Outbox {

    private final DataSource dataSource;
    private final Duration giveUpAfter;

    public Outbox(DataSource dataSource, NotifyConfig config) {
        this.dataSource = dataSource;
        this.giveUpAfter = config.outbox().giveUpAfter();
    }

    /** A mail as the worker sends it. */
    public record QueuedMail(long id, UUID subscription, MailKind kind, Long breachId, int attempts, Instant giveUpAt) {
    }

    /** Queues a mail, due at once; call it inside the transaction that decided to send it. */
    public void enqueue(UUID subscription, MailKind kind, Long breachId, Instant now) {
        Jdbc.update(dataSource, """
                INSERT INTO notify_mail (subscription_id, kind, breach_id, created_at, next_attempt_at, give_up_at)
                VALUES (?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, subscription);
            statement.setString(2, kind.code());
            if (breachId == null) {
                statement.setNull(3, Types.BIGINT);
            } else {
                statement.setLong(3, breachId);
            }
            statement.setTimestamp(4, Timestamp.from(now));
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now.plus(giveUpAfter)));
        });
    }

    /** Whether a mail of this kind to this subscription is still waiting to go. */
    public boolean hasUnsent(UUID subscription, MailKind kind) {
        return !Jdbc.query(dataSource, "SELECT 1 FROM notify_mail WHERE subscription_id = ? AND kind = ? AND state = 'pending'",
                statement -> {
                    statement.setObject(1, subscription);
                    statement.setString(2, kind.code());
                }, rs -> 1).isEmpty();
    }

    /**
     * Claims up to {@code limit} due mails until {@code leaseUntil}, counting the attempt. Other
     * workers (other nodes) skip the claimed rows.
     */
    public List<QueuedMail> claimDue(int limit, Instant now, Instant leaseUntil) {
        return Jdbc.query(dataSource, """
                UPDATE notify_mail SET attempts = attempts + 1, next_attempt_at = ?
                WHERE id IN (SELECT id FROM notify_mail WHERE state = 'pending' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, subscription_id, kind, breach_id, attempts, give_up_at""", statement -> {
            statement.setTimestamp(1, Timestamp.from(leaseUntil));
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setInt(3, limit);
        }, rs -> new QueuedMail(rs.getLong(1), rs.getObject(2, UUID.class), MailKind.ofCode(rs.getString(3)),
                rs.getObject(4, Long.class), rs.getInt(5), rs.getTimestamp(6).toInstant()));
    }

    public void markSent(long id, Instant now) {
        Jdbc.update(dataSource, "UPDATE notify_mail SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setLong(2, id);
        });
    }

    /** The attempt failed: try again at {@code nextAttempt}, or give up (state failed). */
    public void markFailed(long id, String error, Instant nextAttempt, boolean giveUp) {
        Jdbc.update(dataSource, "UPDATE notify_mail SET last_error = ?, next_attempt_at = ?, state = ? WHERE id = ?", statement -> {
            statement.setString(1, error);
            statement.setTimestamp(2, Timestamp.from(nextAttempt));
            statement.setString(3, giveUp ? "failed" : "pending");
            statement.setLong(4, id);
        });
    }

    /** A mail that no longer has a purpose (its subscription was verified meanwhile, say). */
    public void drop(long id) {
        Jdbc.update(dataSource, "DELETE FROM notify_mail WHERE id = ?", statement -> statement.setLong(1, id));
    }

    /** Makes every failed mail, and every pending one waiting out a back-off, due now. Returns how many. */
    public int retryNow(Instant now) {
        return Jdbc.update(dataSource, """
                UPDATE notify_mail SET state = 'pending', next_attempt_at = ?, give_up_at = ?
                WHERE state = 'failed' OR (state = 'pending' AND last_error IS NOT NULL AND next_attempt_at > ?)""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(now.plus(giveUpAfter)));
            statement.setTimestamp(3, Timestamp.from(now));
        });
    }

    public int deleteSentBefore(Instant before) {
        return Jdbc.update(dataSource, "DELETE FROM notify_mail WHERE state = 'sent' AND sent_at < ?",
                statement -> statement.setTimestamp(1, Timestamp.from(before)));
    }

    /** Mail by state: pending (of which retrying: failed at least once), failed (given up), sent recently. */
    public record Counts(long pending, long retrying, long failed, long sentSince) {
    }

    public Counts counts(Instant sentSince) {
        return Jdbc.query(dataSource, """
                SELECT count(*) FILTER (WHERE state = 'pending'),
                       count(*) FILTER (WHERE state = 'pending' AND last_error IS NOT NULL),
                       count(*) FILTER (WHERE state = 'failed'),
                       count(*) FILTER (WHERE state = 'sent' AND sent_at >= ?)
                FROM notify_mail""", statement -> statement.setTimestamp(1, Timestamp.from(sentSince)),
                rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).get(0);
    }

    /** A mail that has failed at least once, as the admin page lists it: no address, no content. */
    public record Trouble(long id, String kind, String state, int attempts, Instant createdAt, Instant nextAttemptAt,
                          String lastError) {
    }

    public List<Trouble> troubles(int limit) {
        return Jdbc.query(dataSource, """
                SELECT id, kind, state, attempts, created_at, next_attempt_at, last_error FROM notify_mail
                WHERE state = 'failed' OR (state = 'pending' AND last_error IS NOT NULL)
                ORDER BY created_at, id LIMIT ?""", statement -> statement.setInt(1, limit),
                rs -> new Trouble(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7)));
    }
}
