package io.leakwatch.index;

import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Publishes small generations for tests through the real staging and publishing path. Every test
 * uses fresh random hashes and breach names, so tests never depend on each other's data.
 */
@ApplicationScoped
public class IndexFixture {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final IndexGenerations generations;
    private final BucketMerger merger;
    private final IndexPublisher publisher;
    private final BreachRegistry registry;

    public IndexFixture(IndexGenerations generations, BucketMerger merger, IndexPublisher publisher,
                        BreachRegistry registry) {
        this.generations = generations;
        this.merger = merger;
        this.publisher = publisher;
        this.registry = registry;
    }

    public static byte[] randomHash(HashKind kind) {
        byte[] hash = new byte[kind.hashBytes()];
        RANDOM.nextBytes(hash);
        return hash;
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    public static String uniqueName(String stem) {
        return stem + "-" + Integer.toHexString(RANDOM.nextInt(Integer.MAX_VALUE));
    }

    /** Stages the entries (any order) into a new generation and publishes it; returns its id. */
    public int publish(HashKind kind, List<IndexEntry> entries) {
        try {
            return publisher.publish("test", generation -> merge(generation, kind, entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages without publishing; the caller discards. */
    public int stage(HashKind kind, List<IndexEntry> entries) {
        int generation = generations.beginStaging("test");
        merge(generation, kind, entries);
        return generation;
    }

    private void merge(int generation, HashKind kind, List<IndexEntry> entries) {
        IndexEntry[] sorted = entries.toArray(IndexEntry[]::new);
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.hash(), b.hash()));
        merger.merge(generation, kind, Arrays.asList(sorted).iterator());
    }

    /** Creates a breach, stages its accounts (email addresses), and publishes both in one generation. */
    public Breach publishBreach(String name, Consumer<Breach> flags, List<byte[]> accountHashes) {
        return publishBreach(name, flags, AccountTypes.EMAIL, accountHashes);
    }

    /** The same for accounts indexed as {@code types} ({@link AccountTypes}). */
    public Breach publishBreach(String name, Consumer<Breach> flags, int types, List<byte[]> accountHashes) {
        Breach breach = createBreach(name, flags);
        byte[][] sorted = accountHashes.toArray(byte[][]::new);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        try {
            publisher.publish("test breach", generation -> {
                registry.publishWith(breach.id, generation, breach.pwnCount, Set.of());
                merger.merge(generation, HashKind.ACCOUNT,
                        Arrays.stream(sorted).map(hash -> new IndexEntry(hash, AccountTypes.staged(breach.id, types))).iterator());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return breach;
    }

    @Transactional
    public Breach createBreach(String name, Consumer<Breach> flags) {
        Breach breach = new Breach();
        breach.name = name;
        breach.title = "Test breach " + name;
        breach.domain = name.toLowerCase() + ".example.com";
        breach.breachDate = LocalDate.of(2024, 3, 1);
        breach.pwnCount = 3;
        breach.description = "A synthetic breach for tests.";
        breach.dataClasses = List.of("email-addresses", "phone-numbers");
        flags.accept(breach);
        breach.persist();
        return breach;
    }

    public void discard(int generation) {
        generations.discard(generation);
    }
}
