package io.leakwatch.notify;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The matching benchmark behind {@code notify-benchmark} (see {@link NotifyBenchmarkCommand}). The breach
 * is a file of ascending SHA-1s, as ingestion keeps a published upload's accounts; a chosen share of the
 * seeded subscriptions have an email whose SHA-1 is in it, the rest have random ones, and 30% of all
 * also monitor a phone number. The match is the production path: {@link SubscriberMatcher}, then
 * {@link AlertLedger} recording ledger rows and queuing alert mails.
 */
@ApplicationScoped
public class NotifyBenchmark implements QuarkusApplication {

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final NotifyKeys keys;
    private final AlertLedger ledger;
    private final NotifyConfig config;
    private final Clock clock;

    public NotifyBenchmark(DataSource dataSource, NotifyKeys keys, AlertLedger ledger, NotifyConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public int run(String... args) throws Exception {
        long subscriptions = Long.parseLong(args[0]);
        long entries = Long.parseLong(args[1]);
        double inBreach = Double.parseDouble(args[2]);
        Path directory = Path.of(args[3]);
        long seed = Long.parseLong(args[4]);
        if (!keys.enabled()) {
            System.err.println("Set LEAKWATCH_NOTIFY_HASH_KEY (at least 32 bytes)");
            return 2;
        }
        long matching = Math.round(subscriptions * inBreach);
        Files.createDirectories(directory);
        Path breachFile = directory.resolve("breach-" + entries + "-" + seed + ".sha1");

        long started = System.nanoTime();
        if (!Files.exists(breachFile)) {
            writeBreach(breachFile, entries, seed);
        }
        System.out.printf("Breach file: %,d account hashes (%.1f s)%n", entries, seconds(started));

        started = System.nanoTime();
        long breachId = seed(subscriptions, matching, entries, seed);
        System.out.printf("Seeded %,d subscriptions, %,d of them in the breach (%.1f s)%n", subscriptions, matching, seconds(started));

        // Reference: read the breach and keyed-hash every account, on one thread, nothing else.
        started = System.nanoTime();
        NotifyKeys.KeyedHasher hasher = keys.hasher();
        long sink = 0;
        try (FileHashes hashes = new FileHashes(breachFile)) {
            while (hashes.hasNext()) {
                sink += hasher.hash(hashes.next())[0];
            }
        }
        double reference = seconds(started);
        System.out.printf("Reference (read + HMAC-SHA256 of every account, 1 thread): %.1f s%s%n", reference, sink == 42 ? " " : "");

        started = System.nanoTime();
        SubscriberMatcher matcher = new SubscriberMatcher(dataSource, keys::hasher, config.matchThreads(), config.matchBatchSize());
        SubscriberMatcher.Matches matches;
        try (FileHashes hashes = new FileHashes(breachFile)) {
            matches = matcher.match(hashes);
        }
        double matched = seconds(started);
        long alerts = ledger.record(breachId, matches.subscriptions(), matches.throughEmail(), clock.instant());
        double total = seconds(started);
        System.out.printf("Match (%d threads, batches of %d): %,d candidates, %,d subscriptions in the breach found in %.1f s;"
                        + " ledger and %,d alerts queued: %.1f s in all%n",
                config.matchThreads(), config.matchBatchSize(), matches.candidates(), matches.subscriptions().size(), matched,
                alerts, total);
        System.out.printf("RESULT subscriptions=%d breach_entries=%d match_seconds=%.1f reference_seconds=%.1f ratio=%.2f%n",
                subscriptions, entries, total, reference, total / reference);
        if (matches.subscriptions().size() != matching || alerts != matching) {
            System.err.printf("Expected %d subscriptions in the breach%n", matching);
            return 1;
        }
        return 0;
    }

    /** Ascending SHA-1-sized hashes: the top 8 bytes grow with the index, the rest is pseudo-random. */
    static byte[] breachHash(long index, long entries, long seed) {
        long step = Long.divideUnsigned(-1L, entries);
        byte[] hash = new byte[20];
        long top = index * step;
        long low = mix(seed * 0x9E3779B97F4A7C15L + index);
        long lower = mix(low);
        for (int i = 0; i < 8; i++) {
            hash[i] = (byte) (top >>> (56 - 8 * i));
            hash[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            hash[16 + i] = (byte) (lower >>> (24 - 8 * i));
        }
        return hash;
    }

    private static void writeBreach(Path file, long entries, long seed) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            for (long i = 0; i < entries; i++) {
                out.write(breachHash(i, entries, seed));
            }
        }
        Files.move(partial, file);
    }

    /** Seeds verified subscriptions with COPY, and a breach row for the ledger to point at; returns its id. */
    private long seed(long subscriptions, long matching, long entries, long seed) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            long breachId;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO breach (name, title, breach_date, description) VALUES (?, 'Notification benchmark', current_date, 'Synthetic')
                    RETURNING id""")) {
                insert.setString(1, "NotifyBenchmark-" + Long.toHexString(System.nanoTime()));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    breachId = rs.getLong(1);
                }
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            NotifyKeys.KeyedHasher hasher = keys.hasher();
            long spacing = matching == 0 ? 1 : entries / matching;
            String now = clock.instant().toString();
            CopyIn subscriptionRows = pg.getCopyAPI().copyIn("COPY notify_subscription (id, email, email_hash, locale, created_at, verified_at) FROM STDIN");
            StringBuilder identifierRows = new StringBuilder();
            Path identifiers = Files.createTempFile("notify-benchmark-identifiers", ".tsv");
            try (OutputStream identifierOut = new BufferedOutputStream(Files.newOutputStream(identifiers), 1 << 16)) {
                StringBuilder row = new StringBuilder(256);
                for (long i = 0; i < subscriptions; i++) {
                    UUID id = new UUID(mix(seed ^ i) | 1, mix(i * 31 + seed));
                    byte[] emailSha1 = i < matching ? breachHash(i * spacing, entries, seed) : randomSha1(seed, i);
                    byte[] emailKeyed = hasher.hash(emailSha1);
                    String emailHash = HEX.formatHex(emailKeyed);
                    row.setLength(0);
                    row.append(id).append('\t').append("bench-").append(seed).append('-').append(i).append("@example.invalid\t")
                            .append("\\\\x").append(emailHash).append("\ten\t").append(now).append('\t').append(now).append('\n');
                    byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
                    subscriptionRows.writeToCopy(bytes, 0, bytes.length);
                    identifierRows.setLength(0);
                    identifierRows.append("\\\\x").append(emailHash).append('\t').append(MonitoredIdentifier.lookupKey(emailKeyed))
                            .append('\t').append(id).append("\temail\n");
                    if (i % 10 < 3) {
                        byte[] phoneKeyed = hasher.hash(randomSha1(seed + 1, i));
                        identifierRows.append("\\\\x").append(HEX.formatHex(phoneKeyed)).append('\t')
                                .append(MonitoredIdentifier.lookupKey(phoneKeyed)).append('\t').append(id).append("\tphone\n");
                    }
                    identifierOut.write(identifierRows.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            subscriptionRows.endCopy();
            try (var in = Files.newInputStream(identifiers)) {
                pg.getCopyAPI().copyIn("COPY notify_identifier (keyed_hash, lookup_key, subscription_id, kind) FROM STDIN", in);
            } finally {
                Files.deleteIfExists(identifiers);
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE notify_subscription");
                analyze.execute("ANALYZE notify_identifier");
            }
            return breachId;
        }
    }

    private static byte[] randomSha1(long seed, long index) {
        byte[] hash = new byte[20];
        long a = mix(seed * 0x632BE59BD9B4E019L + index);
        long b = mix(a);
        long c = mix(b);
        for (int i = 0; i < 8; i++) {
            hash[i] = (byte) (a >>> (56 - 8 * i));
            hash[8 + i] = (byte) (b >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            hash[16 + i] = (byte) (c >>> (24 - 8 * i));
        }
        return hash;
    }

    /** SplitMix64's finaliser: a cheap, well-spread function of a counter. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** 20-byte records read back from the breach file, as ingestion's sorted account file is read. */
    private static final class FileHashes implements Iterator<byte[]>, AutoCloseable {
        private final DataInputStream in;
        private byte[] next;

        FileHashes(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                byte[] hash = new byte[20];
                try {
                    in.readFully(hash);
                } catch (EOFException end) {
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                next = hash;
            }
            return true;
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] hash = next;
            next = null;
            return hash;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
