package io.leakwatch.oprf;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * The body of an OPRF bucket: {@code {"generation":N,"keyId":"…","breaches":["Name",…],
 * "entries":[["<base64url of 16 bytes>",[i,…]],…]}}, where each entry's numbers index into the
 * bucket's {@code breaches}. Only breaches the listing may name appear, and an account in none of
 * them is left out entirely. Entries are sorted by their output bytes, so their order says nothing
 * about the hashes behind them.
 */
public final class OprfBucketBody {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private OprfBucketBody() {
    }

    /** The body of a bucket with nothing to show. */
    public static byte[] empty(int generation, String keyId) {
        return ("{\"generation\":" + generation + ",\"keyId\":\"" + keyId + "\",\"breaches\":[],\"entries\":[]}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A rendered body and how many entries it shows; no bytes when it shows none (see {@link #empty}). */
    public record Rendered(int entries, byte[] json) {
    }

    /**
     * Renders a bucket from its account entries (in {@link PackedBucket} form) and their outputs,
     * {@value OprfSuite#ENTRY_OUTPUT_BYTES} bytes each in the same order. Renders nothing when no entry
     * may be shown: such a bucket is served as {@link #empty}.
     */
    public static Rendered render(int generation, String keyId, ByteBuffer accountBucket, ByteBuffer outputs,
                                  AccountSearchNames.Listing listing) {
        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, accountBucket);
        List<Shown> shown = new ArrayList<>();
        TreeMap<String, Integer> breachIndex = new TreeMap<>();
        while (reader.hasNext()) {
            reader.nextSuffix();
            long[] breachIds = reader.breachIds();
            byte[] output = new byte[OprfSuite.ENTRY_OUTPUT_BYTES];
            outputs.get(output);
            List<String> names = new ArrayList<>(breachIds.length);
            for (long id : breachIds) {
                String name = listing.nameOf(id);
                if (name != null) {
                    names.add(name);
                    breachIndex.put(name, 0);
                }
            }
            if (!names.isEmpty()) {
                shown.add(new Shown(output, names));
            }
        }
        if (shown.isEmpty()) {
            return new Rendered(0, new byte[0]);
        }
        int next = 0;
        for (var entry : breachIndex.entrySet()) {
            entry.setValue(next++);
        }
        shown.sort((a, b) -> Arrays.compareUnsigned(a.output, b.output));

        StringBuilder json = new StringBuilder(64 + breachIndex.size() * 24 + shown.size() * 36);
        json.append("{\"generation\":").append(generation).append(",\"keyId\":\"").append(keyId).append("\",\"breaches\":[");
        boolean first = true;
        for (String name : breachIndex.keySet()) {
            // Breach names are restricted to [A-Za-z0-9_.-] by the schema: no JSON escaping needed.
            json.append(first ? "\"" : ",\"").append(name).append('"');
            first = false;
        }
        json.append("],\"entries\":[");
        first = true;
        for (Shown entry : shown) {
            json.append(first ? "[\"" : ",[\"").append(BASE64URL.encodeToString(entry.output)).append("\",[");
            int[] indices = entry.names.stream().mapToInt(breachIndex::get).sorted().toArray();
            for (int i = 0; i < indices.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                json.append(indices[i]);
            }
            json.append("]]");
            first = false;
        }
        return new Rendered(shown.size(), json.append("]}").toString().getBytes(StandardCharsets.US_ASCII));
    }

    private record Shown(byte[] output, List<String> names) {
    }
}
