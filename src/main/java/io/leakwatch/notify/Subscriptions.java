package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.web.Language;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscription rows and what hangs off them (schema in V50__notifications.sql). Plain JDBC, as
 * the index does: the ledger's guarantees rest on row locks and {@code ON CONFLICT}, which read best
 * as the SQL they are. Callers run these inside their transaction: a connection taken here during a
 * transaction is enlisted in it.
 */
@ApplicationScoped
public class Subscriptions {

    private static final String COLUMNS = "id, email, locale, created_at, verified_at";

    private final DataSource dataSource;

    public Subscriptions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What {@link #createOrLock} found: a new subscription, or the existing one of the address, locked. */
    public record Claimed(Subscription subscription, boolean created) {
    }

    /**
     * Creates an unverified subscription for the address whose keyed hash is {@code emailHash}, or,
     * if it has one already, locks that one for the rest of the transaction.
     */
    public Claimed createOrLock(String email, byte[] emailHash, Language language, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = update("""
                INSERT INTO notify_subscription (id, email, email_hash, locale, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (email_hash) DO NOTHING""", statement -> {
            statement.setObject(1, id);
            statement.setString(2, email);
            statement.setBytes(3, emailHash);
            statement.setString(4, language.code());
            statement.setTimestamp(5, Timestamp.from(now));
        });
        if (inserted == 1) {
            return new Claimed(new Subscription(id, email, language, now, null), true);
        }
        Subscription existing = query("SELECT " + COLUMNS + " FROM notify_subscription WHERE email_hash = ? FOR UPDATE",
                statement -> statement.setBytes(1, emailHash), Subscriptions::subscription).get(0);
        return new Claimed(existing, false);
    }

    public Optional<Subscription> find(UUID id) {
        return query("SELECT " + COLUMNS + " FROM notify_subscription WHERE id = ?",
                statement -> statement.setObject(1, id), Subscriptions::subscription).stream().findFirst();
    }

    /**
     * Starts an unverified subscription again, as a new request: its language is the one chosen now,
     * earlier verification links stop working, and its retention counts from now.
     */
    public void restartUnverified(UUID id, Language language, Instant now) {
        update("""
                UPDATE notify_subscription SET locale = ?, created_at = ?, verification_hash = NULL, verification_expires_at = NULL
                WHERE id = ? AND verified_at IS NULL""", statement -> {
            statement.setString(1, language.code());
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setObject(3, id);
        });
    }

    /** Replaces what the subscription monitors (its email address among them). */
    public void replaceIdentifiers(UUID id, Collection<MonitoredIdentifier> identifiers) {
        update("DELETE FROM notify_identifier WHERE subscription_id = ?", statement -> statement.setObject(1, id));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO notify_identifier (keyed_hash, lookup_key, subscription_id, kind) VALUES (?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            for (MonitoredIdentifier identifier : identifiers) {
                insert.setBytes(1, identifier.keyedHash());
                insert.setLong(2, identifier.lookupKey());
                insert.setObject(3, id);
                insert.setString(4, identifier.type().slug());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new NotifyStorageException("Could not store the monitored identifiers", e);
        }
    }

    /** The types of identifier a subscription monitors, for its report. */
    public List<IdentifierType> identifierTypes(UUID id) {
        return query("SELECT kind FROM notify_identifier WHERE subscription_id = ? ORDER BY kind",
                statement -> statement.setObject(1, id),
                rs -> IdentifierType.fromSlug(rs.getString(1)).orElseThrow());
    }

    /**
     * Forgets the breaches found for an unverified subscription, whose identifiers are being replaced:
     * they will be looked up again.
     */
    public void forgetUnannouncedBreaches(UUID id) {
        update("DELETE FROM notify_alert WHERE subscription_id = ? AND announced IS NULL", statement -> statement.setObject(1, id));
    }

    /**
     * Stores the digest of a new verification token, replacing any earlier one; false if the
     * subscription is gone or verified already.
     */
    public boolean issueVerification(UUID id, byte[] tokenDigest, Instant expiresAt) {
        return update("""
                UPDATE notify_subscription SET verification_hash = ?, verification_expires_at = ?
                WHERE id = ? AND verified_at IS NULL""", statement -> {
            statement.setBytes(1, tokenDigest);
            statement.setTimestamp(2, Timestamp.from(expiresAt));
            statement.setObject(3, id);
        }) == 1;
    }

    /** The unverified subscription a verification token digest belongs to, locked, with the token's expiry. */
    public Optional<PendingVerification> lockPendingVerification(byte[] tokenDigest) {
        return query("""
                SELECT id, verification_hash, verification_expires_at FROM notify_subscription
                WHERE verification_hash = ? AND verified_at IS NULL FOR UPDATE""",
                statement -> statement.setBytes(1, tokenDigest),
                rs -> new PendingVerification(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .stream().findFirst();
    }

    /** An unverified subscription and the digest and expiry of its latest verification token. */
    public record PendingVerification(UUID subscription, byte[] tokenDigest, Instant expiresAt) {
    }

    /**
     * Marks the subscription verified and its token used, and the breaches found so far as announced
     * by the confirmation mail. Returns how many breaches that mail lists.
     */
    public int markVerified(UUID id, Instant now) {
        update("""
                UPDATE notify_subscription SET verified_at = ?, verification_hash = NULL, verification_expires_at = NULL
                WHERE id = ?""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setObject(2, id);
        });
        return update("UPDATE notify_alert SET announced = 'welcome' WHERE subscription_id = ? AND announced IS NULL",
                statement -> statement.setObject(1, id));
    }

    /** Deletes a subscription with everything it monitors, its ledger and its unsent mail. */
    public boolean delete(UUID id) {
        return update("DELETE FROM notify_subscription WHERE id = ?", statement -> statement.setObject(1, id)) == 1;
    }

    /** Whether any subscription exists (verified or not): matching a breach is pointless without one. */
    public boolean any() {
        return !query("SELECT 1 FROM notify_subscription LIMIT 1", statement -> { }, rs -> 1).isEmpty();
    }

    /**
     * Deletes unverified subscriptions whose verification link expired, and those whose verification
     * mail could not be sent within {@code unsentBefore}.
     */
    public int deleteUnverified(Instant now, Instant unsentBefore) {
        return update("""
                DELETE FROM notify_subscription WHERE verified_at IS NULL
                  AND (verification_expires_at < ? OR (verification_expires_at IS NULL AND created_at < ?))""", statement -> {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setTimestamp(2, Timestamp.from(unsentBefore));
        });
    }

    public record Counts(long verified, long unverified, long monitoredIdentifiers) {
    }

    public Counts counts() {
        return query("""
                SELECT count(*) FILTER (WHERE verified_at IS NOT NULL), count(*) FILTER (WHERE verified_at IS NULL),
                       (SELECT count(*) FROM notify_identifier)
                FROM notify_subscription""", statement -> { },
                rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).get(0);
    }

    static Subscription subscription(ResultSet rs) throws SQLException {
        Timestamp verifiedAt = rs.getTimestamp("verified_at");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("email"),
                Language.ofCode(rs.getString("locale")).orElse(Language.ENGLISH),
                rs.getTimestamp("created_at").toInstant(), verifiedAt == null ? null : verifiedAt.toInstant());
    }

    // ---- small JDBC helpers

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return Jdbc.update(dataSource, sql, binder);
    }

    private <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }
}
