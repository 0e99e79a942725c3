package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index's system of record in PostgreSQL: generations, the pointer to the served one, and the
 * bucket versions each generation sees (schema in V2__hash_index.sql).
 *
 * <p>Plain JDBC rather than entities: buckets are opaque byte strings moved in bulk, and each
 * operation here is one short transaction whose atomicity the callers rely on. Publishing and
 * discarding run in a JTA transaction, so that the features observing them change their own tables in
 * the same one.
 */
@ApplicationScoped
public class IndexGenerations {

    private static final String VISIBLE_IN_GENERATION =
            "first_generation <= ? AND (replaced_in IS NULL OR replaced_in > ?)";

    private final DataSource dataSource;
    private final Event<GenerationPublished> publishedEvents;
    private final Event<GenerationDiscarded> discardedEvents;

    public IndexGenerations(DataSource dataSource, Event<GenerationPublished> publishedEvents,
                            Event<GenerationDiscarded> discardedEvents) {
        this.dataSource = dataSource;
        this.publishedEvents = publishedEvents;
        this.discardedEvents = discardedEvents;
    }

    public Generation current() {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("""
                     SELECT g.id, g.published_at FROM index_current c
                     JOIN index_generation g ON g.id = c.generation_id""");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new Generation(rs.getInt(1), rs.getTimestamp(2).toInstant());
        } catch (SQLException e) {
            throw new IndexStorageException("Could not read the current generation", e);
        }
    }

    /**
     * Opens the next generation for staging. Only one can be staged at a time (a unique index
     * enforces it), so every staged generation builds on the one served when it began.
     */
    public int beginStaging(String reason) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("""
                     INSERT INTO index_generation (id, state, reason)
                     SELECT max(id) + 1, 'staging', ? FROM index_generation RETURNING id""")) {
            statement.setString(1, reason);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IndexBusyException();
            }
            throw new IndexStorageException("Could not begin a generation", e);
        }
    }

    /** Writes new versions of these buckets into the staged generation, in one transaction. */
    public void stageBuckets(int generation, HashKind kind, List<StagedBucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // A staged generation needs no durability before it is published: after a crash it is
                // discarded anyway. Not waiting for the WAL flush makes staging several times faster.
                try (var asynchronous = connection.createStatement()) {
                    asynchronous.execute("SET LOCAL synchronous_commit = off");
                }
                Integer[] prefixes = buckets.stream().map(StagedBucket::prefix).toArray(Integer[]::new);
                Array prefixArray = connection.createArrayOf("integer", prefixes);
                // A bucket staged twice in one generation replaces its own staged version.
                try (var delete = connection.prepareStatement(
                        "DELETE FROM index_bucket WHERE kind = ? AND prefix = ANY (?) AND first_generation = ?")) {
                    delete.setShort(1, kind.code());
                    delete.setArray(2, prefixArray);
                    delete.setInt(3, generation);
                    delete.executeUpdate();
                }
                try (var replace = connection.prepareStatement("""
                        UPDATE index_bucket SET replaced_in = ?
                        WHERE kind = ? AND prefix = ANY (?) AND replaced_in IS NULL AND first_generation < ?""")) {
                    replace.setInt(1, generation);
                    replace.setShort(2, kind.code());
                    replace.setArray(3, prefixArray);
                    replace.setInt(4, generation);
                    replace.executeUpdate();
                }
                try (var insert = connection.prepareStatement("""
                        INSERT INTO index_bucket (kind, prefix, first_generation, entry_count, entries)
                        VALUES (?, ?, ?, ?, ?)""")) {
                    for (StagedBucket bucket : buckets) {
                        insert.setShort(1, kind.code());
                        insert.setInt(2, bucket.prefix());
                        insert.setInt(3, generation);
                        insert.setInt(4, bucket.entryCount());
                        insert.setBytes(5, bucket.packedEntries());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IndexStorageException("Could not stage buckets", e);
        }
    }

    /** The content of several buckets as generation {@code generation} sees them, by prefix. */
    public Map<Integer, byte[]> buckets(int generation, HashKind kind, int[] prefixes) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT prefix, entries FROM index_bucket"
                     + " WHERE kind = ? AND prefix = ANY (?) AND " + VISIBLE_IN_GENERATION)) {
            statement.setShort(1, kind.code());
            statement.setArray(2, connection.createArrayOf("integer", Arrays.stream(prefixes).boxed().toArray()));
            statement.setInt(3, generation);
            statement.setInt(4, generation);
            Map<Integer, byte[]> buckets = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    buckets.put(rs.getInt(1), rs.getBytes(2));
                }
            }
            return buckets;
        } catch (SQLException e) {
            throw new IndexStorageException("Could not read buckets", e);
        }
    }

    /** Streams every non-empty bucket of a generation in prefix order, with bounded memory. */
    public void forEachBucket(int generation, HashKind kind, BucketConsumer consumer) {
        forEachBucket(generation, kind, 0, HashKind.BUCKET_COUNT - 1, consumer);
    }

    /** The same for the prefixes from {@code first} to {@code last}. */
    public void forEachBucket(int generation, HashKind kind, int first, int last, BucketConsumer consumer) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // required for a cursor-based fetch
            try (var statement = connection.prepareStatement("SELECT prefix, entry_count, entries FROM index_bucket"
                    + " WHERE kind = ? AND prefix BETWEEN ? AND ? AND " + VISIBLE_IN_GENERATION
                    + " AND entry_count > 0 ORDER BY prefix")) {
                statement.setFetchSize(256);
                statement.setShort(1, kind.code());
                statement.setInt(2, first);
                statement.setInt(3, last);
                statement.setInt(4, generation);
                statement.setInt(5, generation);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs.getInt(1), rs.getInt(2), rs.getBytes(3));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IndexStorageException("Could not read the buckets of generation " + generation, e);
        }
    }

    /**
     * Makes a staged generation the served one: one transaction that moves the pointer, retires the
     * previous generation and, through {@link GenerationPublished}, lets the features that waited for
     * it (breaches it publishes or removes) follow. Readers see either the old generation or the new
     * one, never a mixture.
     */
    @Transactional
    public void publish(int generation) {
        inCallersTransaction(connection -> {
            int updated = execute(connection,
                    "UPDATE index_generation SET state = 'published', published_at = now() WHERE id = ? AND state = 'staging'",
                    generation);
            if (updated != 1) {
                throw new IllegalStateException("Generation " + generation + " is not staged");
            }
            execute(connection, "UPDATE index_generation SET state = 'superseded' WHERE state = 'published' AND id <> ?",
                    generation);
            execute(connection, "UPDATE index_current SET generation_id = ?", generation);
            return null;
        });
        publishedEvents.fire(new GenerationPublished(generation));
    }

    /**
     * Drops a staged generation and everything staged in it (and, through {@link GenerationDiscarded},
     * what waited for it); the served generation is untouched. Does nothing to a generation that is
     * not staged, a published one above all.
     */
    @Transactional
    public void discard(int generation) {
        boolean staged = inCallersTransaction(connection -> {
            if (execute(connection, "UPDATE index_generation SET state = 'discarded' WHERE id = ? AND state = 'staging'",
                    generation) == 0) {
                return false;
            }
            execute(connection, "DELETE FROM index_bucket WHERE first_generation = ?", generation);
            execute(connection, "UPDATE index_bucket SET replaced_in = NULL WHERE replaced_in = ?", generation);
            return true;
        });
        if (staged) {
            discardedEvents.fire(new GenerationDiscarded(generation));
        }
    }

    /** Whether a generation was published (it may have been superseded since). */
    public boolean wasPublished(int generation) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT 1 FROM index_generation WHERE id = ? AND state IN ('published', 'superseded')")) {
            statement.setInt(1, generation);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IndexStorageException("Could not read generation " + generation, e);
        }
    }

    /** Staged generations left by a process that died while building them. */
    public List<Integer> stagingGenerations() {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT id FROM index_generation WHERE state = 'staging'");
             ResultSet rs = statement.executeQuery()) {
            var ids = new java.util.ArrayList<Integer>();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IndexStorageException("Could not list staged generations", e);
        }
    }

    /** Deletes bucket versions no generation at or after {@code served} can see any more. */
    public int purgeReplacedBuckets(int served) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("DELETE FROM index_bucket WHERE replaced_in <= ?")) {
            statement.setInt(1, served);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IndexStorageException("Could not purge replaced buckets", e);
        }
    }

    @FunctionalInterface
    public interface BucketConsumer {
        void accept(int prefix, int entryCount, byte[] packedEntries);
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs statements in the caller's JTA transaction, which its observers join. */
    private <T> T inCallersTransaction(ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IndexStorageException("Index transaction failed", e);
        }
    }

    private static int execute(Connection connection, String sql, int... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setInt(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
