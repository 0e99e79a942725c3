package io.leakwatch.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Decides alerts: for each subscription a breach was matched to, a ledger row (subscription, breach)
 * is inserted unless one exists, and, for a verified subscription, the alert mail is queued in the
 * same statement. The ledger's primary key makes that happen once per subscriber and breach, however
 * often a breach is matched (a restart mid-match, a re-published breach).
 *
 * <p>The subscription rows are locked (FOR SHARE) first. Verifying a subscription updates its row,
 * so a match and a verification of the same subscription run one after the other: a breach found
 * before verification is listed in the confirmation mail, one found after gets an alert, and none
 * falls between the two.
 */
@ApplicationScoped
public class AlertLedger {

    /** Subscriptions recorded per transaction: short transactions, few round trips. */
    static final int CHUNK = 1000;

    private static final String RECORD = """
            WITH matched AS (
                SELECT id, verified_at IS NOT NULL AS verified FROM notify_subscription
                WHERE id = ANY (?) ORDER BY id FOR SHARE
            ), recorded AS (
                INSERT INTO notify_alert (subscription_id, breach_id, found_at, announced)
                SELECT id, ?, ?, CASE WHEN verified THEN 'alert' END FROM matched
                ON CONFLICT DO NOTHING
                RETURNING subscription_id, announced
            )
            INSERT INTO notify_mail (subscription_id, kind, breach_id, created_at, next_attempt_at, give_up_at)
            SELECT subscription_id, 'alert', ?, ?, ?, ? FROM recorded WHERE announced = 'alert'""";

    private static final String RECORD_FOUND_AT_SUBSCRIPTION = """
            WITH subscriber AS (
                SELECT id, verified_at IS NOT NULL AS verified FROM notify_subscription WHERE id = ? FOR SHARE
            ), recorded AS (
                INSERT INTO notify_alert (subscription_id, breach_id, found_at, announced)
                SELECT s.id, b.id, ?, CASE WHEN s.verified THEN 'alert' END FROM subscriber s, breach b
                WHERE b.id = ANY (?) AND b.published_in IS NOT NULL AND b.removed_in IS NULL
                ON CONFLICT DO NOTHING
                RETURNING subscription_id, breach_id, announced
            )
            INSERT INTO notify_mail (subscription_id, kind, breach_id, created_at, next_attempt_at, give_up_at)
            SELECT subscription_id, 'alert', breach_id, ?, ?, ? FROM recorded WHERE announced = 'alert'""";

    private final DataSource dataSource;
    private final NotifyConfig config;

    public AlertLedger(DataSource dataSource, NotifyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Records that these subscriptions are in the breach; returns how many alert mails were queued. */
    public long record(long breachId, Collection<UUID> subscriptions, Instant now) {
        List<UUID> all = new ArrayList<>(subscriptions);
        long queued = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            queued += QuarkusTransaction.requiringNew().call(() -> recordChunk(breachId, chunk, now));
        }
        return queued;
    }

    /**
     * Records the public breaches found in the index for a subscription that was just requested. They
     * are announced by the mail that confirms the subscription; should it have been confirmed already
     * (its verification mail went out and was used in the moment between), they get alerts instead.
     * Returns how many alert mails were queued.
     */
    public int recordFoundAtSubscription(UUID subscription, long[] breachIds, Instant now) {
        if (breachIds.length == 0) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(RECORD_FOUND_AT_SUBSCRIPTION)) {
                Timestamp at = Timestamp.from(now);
                statement.setObject(1, subscription);
                statement.setTimestamp(2, at);
                statement.setArray(3, connection.createArrayOf("bigint", Arrays.stream(breachIds).boxed().toArray()));
                statement.setTimestamp(4, at);
                statement.setTimestamp(5, at);
                statement.setTimestamp(6, Timestamp.from(now.plus(config.outbox().giveUpAfter())));
                return statement.executeUpdate();
            }
        });
    }

    private int recordChunk(long breachId, List<UUID> chunk, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RECORD)) {
            Timestamp at = Timestamp.from(now);
            statement.setArray(1, connection.createArrayOf("uuid", chunk.toArray()));
            statement.setLong(2, breachId);
            statement.setTimestamp(3, at);
            statement.setLong(4, breachId);
            statement.setTimestamp(5, at);
            statement.setTimestamp(6, at);
            statement.setTimestamp(7, Timestamp.from(now.plus(config.outbox().giveUpAfter())));
            return statement.executeUpdate();
        }
    }
}
