package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * How often the published password index has seen a password, for the server's own checks (an
 * admin's new password). It reads PostgreSQL, so it also works in the one-off commands, which serve
 * no generation file.
 */
@ApplicationScoped
public class PasswordLookup {

    private final IndexGenerations generations;

    public PasswordLookup(IndexGenerations generations) {
        this.generations = generations;
    }

    /** Occurrences of the SHA-1 {@code hash} in the current generation; 0 when it is not there. */
    public long occurrences(byte[] hash) {
        int prefix = HashKind.prefixOf(hash);
        Map<Integer, byte[]> bucket = generations.buckets(generations.current().id(), HashKind.PASSWORD_SHA1, new int[] {prefix});
        if (!bucket.containsKey(prefix)) {
            return 0;
        }
        byte[] suffix = Arrays.copyOfRange(hash, 2, hash.length);
        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.PASSWORD_SHA1, ByteBuffer.wrap(bucket.get(prefix)));
        while (reader.hasNext()) {
            boolean match = Arrays.equals(reader.nextSuffix(), suffix);
            long count = reader.count();
            if (match) {
                return count;
            }
        }
        return 0;
    }
}
