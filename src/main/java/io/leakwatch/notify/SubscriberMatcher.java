package io.leakwatch.notify;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Finds the subscriptions that monitor any of a breach's accounts: streams the account SHA-1s,
 * turns each into its keyed hash and looks them up a batch at a time ({@code keyed_hash = ANY (?)},
 * served by the primary key of notify_identifier). The reading thread fills batches into a bounded
 * queue; {@code threads} workers, each with its own MAC and connection, hash and look up. Memory stays
 * bounded by the queue and by the number of matching subscriptions, whatever the size of the breach.
 *
 * <p>Plain JDBC outside any transaction: every lookup is one read-only statement.
 */
public final class SubscriberMatcher {

    private static final byte[][] END = new byte[0][];

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

    /** What a match found: the matching subscriptions and how many account hashes were read. */
    public record Matches(Set<UUID> subscriptions, long accountsRead) {
    }

    public Matches match(Iterator<byte[]> accountSha1s) throws InterruptedException {
        BlockingQueue<byte[][]> batches = new ArrayBlockingQueue<>(threads * 2);
        Set<UUID> matched = ConcurrentHashMap.newKeySet();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "notify-match-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long read = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(workers.submit(() -> {
                    lookUp(batches, matched);
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
                put(batches, java.util.Arrays.copyOf(batch, filled), running);
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
        return new Matches(Set.copyOf(matched), read);
    }

    /** Waits for room in the queue, giving up if a worker has died (its exception surfaces from get()). */
    private static void put(BlockingQueue<byte[][]> batches, byte[][] batch, List<Future<?>> workers)
            throws InterruptedException, ExecutionException {
        while (!batches.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            for (Future<?> worker : workers) {
                if (worker.isDone()) {
                    worker.get();
                    throw new IllegalStateException("A match worker stopped early");
                }
            }
        }
    }

    private void lookUp(BlockingQueue<byte[][]> batches, Set<UUID> matched) throws InterruptedException {
        NotifyKeys.KeyedHasher hasher = hashers.get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT DISTINCT subscription_id FROM notify_identifier WHERE keyed_hash = ANY (?)")) {
            while (true) {
                byte[][] batch = batches.take();
                if (batch == END) {
                    return;
                }
                byte[][] keyed = new byte[batch.length][];
                for (int i = 0; i < batch.length; i++) {
                    keyed[i] = hasher.hash(batch[i]);
                }
                Array array = connection.createArrayOf("bytea", keyed);
                statement.setArray(1, array);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        matched.add(rs.getObject(1, UUID.class));
                    }
                }
                array.free();
            }
        } catch (SQLException e) {
            throw new NotifyStorageException("Could not look up subscribers", e);
        }
    }
}
