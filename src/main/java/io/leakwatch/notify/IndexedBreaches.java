package io.leakwatch.notify;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The breaches the current index holds a set of accounts in: how a new subscriber learns which
 * breaches they are in already, while their identifiers' SHA-1s are still in memory (they are never
 * stored). Reads the current generation from PostgreSQL ({@link IndexLookup}).
 *
 * <p>Why nothing falls between this check and alert matching: the subscription is committed before
 * this runs. A breach published before that commit is in the generation read here; the matching of
 * a breach published after it reads the subscription. A breach in both is recorded once.
 */
@ApplicationScoped
public class IndexedBreaches {

    private final IndexLookup index;

    public IndexedBreaches(IndexLookup index) {
        this.index = index;
    }

    /**
     * The breaches in the current generation that contain a subscription's identifiers: those the
     * email address is in, and those any other identifier is in (by ids, ascending).
     */
    public record Found(long[] throughEmail, long[] throughOthers) {
    }

    /** Where the current generation holds the email address's SHA-1, and the other identifiers' SHA-1s. */
    public Found containing(byte[] emailSha1, Collection<byte[]> otherSha1s) {
        List<byte[]> sha1s = new ArrayList<>();
        sha1s.add(emailSha1); // position 0
        sha1s.addAll(otherSha1s);
        TreeSet<Long> throughEmail = new TreeSet<>();
        TreeSet<Long> throughOthers = new TreeSet<>();
        index.find(HashKind.ACCOUNT, sha1s, (position, value) ->
                Arrays.stream(value.breachIds()).forEach((position == 0 ? throughEmail : throughOthers)::add));
        return new Found(ids(throughEmail), ids(throughOthers));
    }

    private static long[] ids(TreeSet<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
