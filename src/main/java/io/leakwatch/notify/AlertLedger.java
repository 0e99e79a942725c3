package io.leakwatch.notify;

import io.leakwatch.breach.Breach;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Decides alerts: for each subscription a breach was matched to, a ledger row (subscription, breach)
 * is inserted unless one exists, and, for a verified subscription, the alert mail is queued in the
 * same statement. The ledger's primary key makes that happen once per subscriber and breach, however
 * often a breach is matched (a restart mid-match, a re-published breach).
 *
 * <p>Each row says whether the subscription's own email address was among the identifiers matched.
 * A match only through another identifier is recorded only for a breach the public check names
 * ({@link SubscriberDisclosure}): nothing is kept, and so nothing ever told, of a sensitive breach
 * that only a phone number, ID number or username typed beside the address is in.
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
                SELECT id, verified_at IS NOT NULL AS verified, id = ANY (?) AS through_email FROM notify_subscription
                WHERE id = ANY (?) ORDER BY id FOR SHARE
            ), recorded AS (
                INSERT INTO notify_alert (subscription_id, breach_id, found_at, announced, through_email)
                SELECT id, ?, ?, CASE WHEN verified THEN 'alert' END, through_email FROM matched
                ON CONFLICT DO NOTHING
                RETURNING subscription_id, announced
            )
            INSERT INTO notify_mail (subscription_id, kind, breach_id, created_at, next_attempt_at, give_up_at)
            SELECT subscription_id, 'alert', ?, ?, ?, ? FROM recorded WHERE announced = 'alert'""";

    /** A row recorded through another identifier learns that the address is in the breach too. */
    private static final String NOTE_THROUGH_EMAIL = """
            UPDATE notify_alert SET through_email = true
            WHERE breach_id = ? AND subscription_id = ANY (?) AND NOT through_email""";

    private static final String RECORD_FOUND_AT_SUBSCRIPTION = """
            WITH subscriber AS (
                SELECT id, verified_at IS NOT NULL AS verified FROM notify_subscription WHERE id = ? FOR SHARE
            ), recorded AS (
                INSERT INTO notify_alert (subscription_id, breach_id, found_at, announced, through_email)
                SELECT s.id, b.id, ?, CASE WHEN s.verified THEN 'alert' END, b.id = ANY (?)
                FROM subscriber s, unnest(?::bigint[]) AS b(id)
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

    /**
     * Records that these subscriptions are in the breach, {@code throughEmail} of them by their own
     * email address; returns how many alert mails were queued.
     */
    public long record(long breachId, Set<UUID> subscriptions, Set<UUID> throughEmail, Instant now) {
        boolean namedToAnyone = QuarkusTransaction.requiringNew().call(() -> Breach.<Breach>findByIdOptional(breachId)
                .map(breach -> SubscriberDisclosure.mayName(breach, false)).orElse(false));
        List<UUID> all = new ArrayList<>(namedToAnyone ? subscriptions : throughEmail);
        long queued = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            UUID[] byEmail = chunk.stream().filter(throughEmail::contains).toArray(UUID[]::new);
            queued += QuarkusTransaction.requiringNew().call(() -> recordChunk(breachId, chunk, byEmail, now));
        }
        return queued;
    }

    /**
     * Records the breaches found in the index for a subscription that was just requested that the
     * subscriber may be told of ({@link SubscriberDisclosure}): public ones the email address is in, and
     * those only its other identifiers are in that the public check names.
     * They are announced by the mail that confirms the subscription; should it have been confirmed
     * already (its verification mail went out and was used in the moment between), they get alerts
     * instead. Returns how many alert mails were queued.
     */
    public int recordFoundAtSubscription(UUID subscription, IndexedBreaches.Found found, Instant now) {
        Set<Long> throughEmail = Arrays.stream(found.throughEmail()).boxed().collect(Collectors.toSet());
        List<Long> ids = LongStream.concat(Arrays.stream(found.throughEmail()), Arrays.stream(found.throughOthers()))
                .distinct().boxed().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] recorded = QuarkusTransaction.requiringNew().call(() -> Breach.<Breach>list("id in ?1", ids).stream()
                .filter(breach -> SubscriberDisclosure.mayName(breach, throughEmail.contains(breach.id)))
                .map(breach -> breach.id).toArray(Long[]::new));
        if (recorded.length == 0) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(RECORD_FOUND_AT_SUBSCRIPTION)) {
                Timestamp at = Timestamp.from(now);
                statement.setObject(1, subscription);
                statement.setTimestamp(2, at);
                statement.setArray(3, connection.createArrayOf("bigint", throughEmail.toArray()));
                statement.setArray(4, connection.createArrayOf("bigint", recorded));
                statement.setTimestamp(5, at);
                statement.setTimestamp(6, at);
                statement.setTimestamp(7, Timestamp.from(now.plus(config.outbox().giveUpAfter())));
                return statement.executeUpdate();
            }
        });
    }

    private int recordChunk(long breachId, List<UUID> chunk, UUID[] throughEmail, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement note = connection.prepareStatement(NOTE_THROUGH_EMAIL);
             PreparedStatement statement = connection.prepareStatement(RECORD)) {
            Array byEmail = connection.createArrayOf("uuid", throughEmail);
            Array matched = connection.createArrayOf("uuid", chunk.toArray());
            note.setLong(1, breachId);
            note.setArray(2, byEmail);
            note.executeUpdate();
            Timestamp at = Timestamp.from(now);
            statement.setArray(1, byEmail);
            statement.setArray(2, matched);
            statement.setLong(3, breachId);
            statement.setTimestamp(4, at);
            statement.setLong(5, breachId);
            statement.setTimestamp(6, at);
            statement.setTimestamp(7, at);
            statement.setTimestamp(8, Timestamp.from(now.plus(config.outbox().giveUpAfter())));
            return statement.executeUpdate();
        }
    }
}
