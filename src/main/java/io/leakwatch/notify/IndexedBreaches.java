package io.leakwatch.notify;

import io.leakwatch.index.Generation;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexGenerations;
import io.leakwatch.index.PackedBucket;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The breaches the current index holds a set of accounts in: how a new subscriber learns which
 * breaches they are in already, while their identifiers' SHA-1s are still in memory (they are never
 * stored). Reads the current generation's account buckets from PostgreSQL, not this node's served
 * file, which may lag behind another node's publish.
 *
 * <p>Why nothing falls between this check and alert matching: the subscription is committed before
 * this runs. A breach published before that commit is in the generation read here; the matching of
 * a breach published after it reads the subscription. A breach in both is recorded once.
 */
@ApplicationScoped
public class IndexedBreaches {

    private static final int ATTEMPTS = 5;

    private final IndexGenerations generations;

    public IndexedBreaches(IndexGenerations generations) {
        this.generations = generations;
    }

    /**
     * The breaches in the current generation that contain a subscription's identifiers: those the
     * email address is in, and those any other identifier is in (by ids, ascending).
     */
    public record Found(long[] throughEmail, long[] throughOthers) {
    }

    /** Where the current generation holds the email address's SHA-1, and the other identifiers' SHA-1s. */
    public Found containing(byte[] emailSha1, Collection<byte[]> otherSha1s) {
        int[] prefixes = Stream.concat(Stream.of(emailSha1), otherSha1s.stream()).mapToInt(HashKind::prefixOf).distinct().toArray();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Generation current = generations.current();
            Map<Integer, byte[]> buckets = generations.buckets(current.id(), HashKind.ACCOUNT, prefixes);
            // A publish between the two reads may have purged the buckets just read: read again.
            if (generations.current().id() == current.id()) {
                return new Found(breachIds(List.of(emailSha1), buckets), breachIds(otherSha1s, buckets));
            }
        }
        throw new IllegalStateException("The index kept changing while it was read");
    }

    private static long[] breachIds(Collection<byte[]> accountSha1s, Map<Integer, byte[]> buckets) {
        TreeSet<Long> found = new TreeSet<>();
        for (byte[] sha1 : accountSha1s) {
            byte[] bucket = buckets.get(HashKind.prefixOf(sha1));
            if (bucket == null) {
                continue;
            }
            byte[] suffix = Arrays.copyOfRange(sha1, 2, sha1.length);
            PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, ByteBuffer.wrap(bucket));
            while (reader.hasNext()) {
                int order = Arrays.compareUnsigned(reader.nextSuffix(), suffix);
                long[] ids = reader.breachIds();
                if (order == 0) {
                    Arrays.stream(ids).forEach(found::add);
                    break;
                }
                if (order > 0) {
                    break; // entries are sorted: it is not in this bucket
                }
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
