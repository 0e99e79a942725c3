package io.leakwatch.notify;

import io.leakwatch.index.DaemonPools;
import org.postgresql.jdbc.PgConnection;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Finds the subscriptions that monitor any of a breach's accounts. Every account SHA-1 is turned into
 * its keyed hash, and the hashes are looked up in notify_identifier in two steps:
 *
 * <ol>
 *   <li>against the lookup keys of every monitored identifier (the keyed hashes' first 8 bytes), read
 *       from PostgreSQL into memory when the match starts ({@link LookupKeySet}): a test in memory rules
 *       out almost every account without a round trip;</li>
 *   <li>the few candidates left are looked up in batches ({@code lookup_key = ANY (?)}), and a row
 *       counts only if its whole keyed hash is one of the batch's.</li>
 * </ol>
 *
 * Probing ten million accounts one by one in PostgreSQL keeps both of this machine's cores busy for
 * about half a minute (see bench/notify.sh); this way the work is the keyed hashing. The set takes about
 * 12 bytes per monitored identifier (120 MB for ten million), for the duration of the match.
 *
 * <p>The reading thread fills batches into a bounded queue; {@code threads} workers, each with its own
 * MAC and connection, hash, filter and look up. Memory is otherwise bounded by the queue and by the
 * number of matching subscriptions, whatever the size of the breach. An identifier added after the
 * keys were read is not seen, which is right: its subscription was made after the breach was published,
 * so the breach was found in the index when it subscribed (see {@link IndexedBreaches}).
 */
public final class SubscriberMatcher {

    private static final byte[][] END = new byte[0][];
    private static final int FETCH_SIZE = 65_536;

    private final DataSource dataSource;
    private final Supplier<NotifyKeys.KeyedHasher> hashers;
    private final int threads;
    private final int batchSize;

    public SubscriberMatcher(DataSource dataSource, Supplier<NotifyKeys.KeyedHasher> hashers, int threads, int batchSize) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batch size must be positive");
        }
        this.dataSource = dataSource;
        this.hashers = hashers;
        this.threads = threads;
        this.batchSize = batchSize;
    }

    /**
     * What a match found: the matching subscriptions, those of them matched by their own email address
     * (see {@link SubscriberDisclosure}), how many account hashes were read, and how many were candidates.
     */
    public record Matches(Set<UUID> subscriptions, Set<UUID> throughEmail, long accountsRead, long candidates) {
    }

    public Matches match(Iterator<byte[]> accountSha1s) throws InterruptedException {
        LookupKeySet monitored = new LookupKeySet(lookupKeys());
        BlockingQueue<byte[][]> batches = new ArrayBlockingQueue<>(threads * 2);
        Set<UUID> matched = ConcurrentHashMap.newKeySet();
        Set<UUID> throughEmail = ConcurrentHashMap.newKeySet();
        LongAdder candidates = new LongAdder();
        ExecutorService workers = DaemonPools.fixed("notify-match", threads);
        long read = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> {
                    work(monitored, batches, matched, throughEmail, candidates);
                    return null;
                }));
            }
            byte[][] batch = new byte[batchSize][];
            int filled = 0;
            while (accountSha1s.hasNext()) {
                batch[filled++] = accountSha1s.next();
                read++;
                if (filled == batchSize) {
                    put(batches, batch, running);
                    batch = new byte[batchSize][];
                    filled = 0;
                }
            }
            if (filled > 0) {
                put(batches, Arrays.copyOf(batch, filled), running);
            }
            for (int i = 0; i < threads; i++) {
                put(batches, END, running);
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new NotifyStorageException("Matching subscribers failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return new Matches(Set.copyOf(matched), Set.copyOf(throughEmail), read, candidates.sum());
    }

    /** The lookup key of every monitored identifier. */
    private long[] lookupKeys() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement("SELECT lookup_key FROM notify_identifier")) {
                statement.setFetchSize(FETCH_SIZE);
                long[] keys = new long[1024];
                int count = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (count == keys.length) {
                            keys = Arrays.copyOf(keys, keys.length * 2);
                        }
                        keys[count++] = rs.getLong(1);
                    }
                }
                return Arrays.copyOf(keys, count);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new NotifyStorageException("Could not read the monitored identifiers", e);
        }
    }

    /** Waits for room in the queue, giving up if a worker has died (its exception surfaces from get()). */
    private static void put(BlockingQueue<byte[][]> batches, byte[][] batch, List<Future<?>> workers)
            throws InterruptedException, ExecutionException {
        while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            for (Future<?> worker : workers) {
                if (worker.isDone()) {
                    worker.get();
                    throw new IllegalStateException("A match worker stopped early");
                }
            }
        }
    }

    private void work(LookupKeySet monitored, BlockingQueue<byte[][]> batches, Set<UUID> matched, Set<UUID> throughEmail,
                      LongAdder candidateCount) throws InterruptedException {
        NotifyKeys.KeyedHasher hasher = hashers.get();
        List<byte[]> candidates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT keyed_hash, subscription_id, kind = 'email' FROM notify_identifier WHERE lookup_key = ANY (?)")) {
            PgConnection pg = connection.unwrap(PgConnection.class);
            while (true) {
                byte[][] batch = batches.take();
                if (batch == END) {
                    lookUp(pg, statement, candidates, matched, throughEmail);
                    return;
                }
                for (byte[] sha1 : batch) {
                    byte[] keyed = hasher.hash(sha1);
                    if (monitored.contains(MonitoredIdentifier.lookupKey(keyed))) {
                        candidates.add(keyed);
                        candidateCount.increment();
                    }
                }
                if (candidates.size() >= batchSize) {
                    lookUp(pg, statement, candidates, matched, throughEmail);
                }
            }
        } catch (SQLException e) {
            throw new NotifyStorageException("Could not look up subscribers", e);
        }
    }

    /** Looks the candidates up and empties the list; a row counts only if its whole keyed hash is a candidate's. */
    private static void lookUp(PgConnection pg, PreparedStatement statement, List<byte[]> candidates, Set<UUID> matched,
                               Set<UUID> throughEmail) throws SQLException {
        if (candidates.isEmpty()) {
            return;
        }
        Set<ByteBuffer> wanted = new HashSet<>(candidates.size() * 2);
        long[] lookupKeys = new long[candidates.size()];
        for (int i = 0; i < lookupKeys.length; i++) {
            wanted.add(ByteBuffer.wrap(candidates.get(i)));
            lookupKeys[i] = MonitoredIdentifier.lookupKey(candidates.get(i));
        }
        Array array = pg.createArrayOf("int8", lookupKeys);
        statement.setArray(1, array);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (wanted.contains(ByteBuffer.wrap(rs.getBytes(1)))) {
                    UUID subscription = rs.getObject(2, UUID.class);
                    matched.add(subscription);
                    if (rs.getBoolean(3)) {
                        throughEmail.add(subscription);
                    }
                }
            }
        }
        array.free();
        candidates.clear();
    }
}
