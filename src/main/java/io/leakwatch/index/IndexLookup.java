package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Looks hashes up in the current generation as PostgreSQL holds it, for the server's own checks (an
 * admin's new password, a new subscriber's breaches). Not this node's served file: that may lag behind
 * another node's publish, and the one-off commands serve none.
 */
@ApplicationScoped
public class IndexLookup {

    private static final int ATTEMPTS = 5;

    private final IndexGenerations generations;

    public IndexLookup(IndexGenerations generations) {
        this.generations = generations;
    }

    /** Receives each hash found: its position in the list asked for, and a reader at its value. */
    @FunctionalInterface
    public interface Found {
        void entry(int position, PackedBucket.Reader value);
    }

    /** Looks up full hashes of one kind, all in the same generation: the current one. */
    public void find(HashKind kind, List<byte[]> hashes, Found found) {
        int[] prefixes = hashes.stream().mapToInt(HashKind::prefixOf).distinct().toArray();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int current = generations.current().id();
            Map<Integer, byte[]> buckets = generations.buckets(current, kind, prefixes);
            // A publish between the two reads may have purged the buckets just read: read again.
            if (generations.current().id() == current) {
                for (int position = 0; position < hashes.size(); position++) {
                    byte[] bucket = buckets.get(HashKind.prefixOf(hashes.get(position)));
                    if (bucket == null) {
                        continue;
                    }
                    PackedBucket.Reader reader = new PackedBucket.Reader(kind, ByteBuffer.wrap(bucket));
                    if (reader.seek(hashes.get(position))) {
                        found.entry(position, reader);
                    }
                }
                return;
            }
        }
        throw new IllegalStateException("The index kept changing while it was read");
    }

    /** Occurrences of the SHA-1 {@code hash} of a password in the current generation; 0 when it is not there. */
    public long passwordOccurrences(byte[] hash) {
        long[] count = {0};
        find(HashKind.PASSWORD_SHA1, List.of(hash), (position, value) -> count[0] = value.count());
        return count[0];
    }
}
