package io.leakwatch.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A seeded fuzzer for the hostile-input tests: generators of hostile strings and bytes, mutations of
 * valid samples (bit flips, truncations, repeats, splices, interesting bytes), and a loop that runs a
 * property over generated inputs and names the seed of any failure so that it can be run again alone
 * ({@code -Dfuzz.seed=S -Dfuzz.tries=1}). {@code -Dfuzz.tries=N} sets the tries of every property (the
 * CI run keeps them few; {@code bench/fuzz.sh} runs many).
 *
 * <p>Why not a library: no coverage-guided fuzzer for the JVM (Jazzer) resolves here, and jqwik 1.10,
 * the property-based engine that does, tells AI agents (who write much of this project) not to use it
 * and prints an instruction to disregard its results into every run's output; a test tool whose output
 * asks its readers to ignore it has no place in a CI log. What a library would add beyond this class,
 * shrinking, matters less here: a failing input is an HTTP request, printed whole.
 */
public final class Fuzz {

    /** Tries per property: a few dozen in CI, thousands for a bench run. */
    public static final int TRIES = Integer.getInteger("fuzz.tries", 40);
    private static final long BASE_SEED = Long.getLong("fuzz.seed", System.nanoTime());

    private static final List<String> HOSTILE = List.of(
            "", " ", "\u0000", "\r\n", "\n", "\t", "%", "%00", "%ZZ", "%2e%2e%2f", "../../../../etc/passwd", "..\\..\\windows",
            "{", "}", "{}", "{#insert}", "{data:x}", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --", "'; DROP TABLE breach; --", "\\", "\"", "'", "`",
            "null", "undefined", "true", "[]", "{}", "-1", "0", "2147483648", "-9223372036854775809", "1e309", "NaN",
            "0x10", "１２３", "Ａ", "\u202E\u202D", "\uFEFF", "\uD800", "\uDFFF", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "İ", "ß", "ǅ", "\u0130\u0131",
            "a".repeat(257), "A".repeat(5000), "é".repeat(3000), "=", "&", "?", "#", ";", ",", "*", "W/\"x\"", "lw1-1");

    private static final byte[] INTERESTING_BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xc0, (byte) 0xe2, (byte) 0xff, '\n', '\r',
            ',', '"', ':', ';', '\t', ' ', '%', '{', '\\', '0', '9', 'A', 'F', 'x'};

    private final SplittableRandom random;

    private Fuzz(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs {@code property} over {@code tries} generated inputs. The property returns a label of what
     * happened (the status, say), tallied in the printed figure; it throws to fail.
     */
    public static <T> void forAll(String name, int tries, Function<Fuzz, T> generator, Function<T, String> describe,
                                  Function<T, String> property) {
        Map<String, Integer> outcomes = new TreeMap<>();
        long slowestNanos = 0;
        for (int i = 0; i < tries; i++) {
            long seed = BASE_SEED + i;
            T input = generator.apply(new Fuzz(seed));
            long started = System.nanoTime();
            try {
                outcomes.merge(property.apply(input), 1, Integer::sum);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + " failed at seed " + seed + " (again: -Dfuzz.seed=" + seed
                        + " -Dfuzz.tries=1) for " + describe.apply(input) + ": " + e.getMessage(), e);
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - started);
        }
        System.out.printf("figure: fuzz %s: %d tries, 0 failures, answers %s, slowest %d ms, seeds %d..%d%n",
                name, tries, outcomes, slowestNanos / 1_000_000, BASE_SEED, BASE_SEED + tries - 1);
    }

    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A hostile string: a known troublemaker, random code points, or a mixture of both around {@code near}. */
    public String text(String near) {
        return switch (random.nextInt(6)) {
            case 0 -> oneOf(HOSTILE);
            case 1 -> codePoints(between(0, 40));
            case 2 -> near;
            case 3 -> new String(mutate(near.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            case 4 -> near + oneOf(HOSTILE);
            default -> oneOf(HOSTILE) + near + codePoints(between(0, 4));
        };
    }

    /** Any code points, from ASCII controls to astral planes, lone surrogates included. */
    public String codePoints(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1, 2 -> random.nextInt(0x20, 0x7f);
                case 3 -> random.nextInt(0x80, 0xD800);
                default -> random.nextInt(0xD800, 0x110000);
            };
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    public byte[] bytes(int maxLength) {
        byte[] bytes = new byte[between(0, maxLength)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A few mutations of a valid sample: what a truncated, corrupted or doctored file or request looks like. */
    public byte[] mutate(byte[] sample) {
        byte[] data = sample.clone();
        int mutations = between(1, 4);
        for (int m = 0; m < mutations; m++) {
            int at = data.length == 0 ? 0 : random.nextInt(data.length);
            data = switch (random.nextInt(7)) {
                case 0 -> { // flip a bit
                    if (data.length > 0) {
                        data[at] ^= (byte) (1 << random.nextInt(8));
                    }
                    yield data;
                }
                case 1 -> { // an interesting byte
                    if (data.length > 0) {
                        data[at] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                    }
                    yield data;
                }
                case 2 -> Arrays.copyOf(data, at); // truncated
                case 3 -> splice(data, at, at + between(0, Math.max(0, data.length - at)), new byte[0]); // a piece cut out
                case 4 -> splice(data, at, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + between(1, 64)))); // repeated
                case 5 -> splice(data, at, at, bytes(16)); // random bytes inserted
                default -> splice(data, at, at, oneOf(HOSTILE).getBytes(StandardCharsets.UTF_8));
            };
        }
        return data;
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    /** A marker no log line can hold by chance, to plant inside an identifier. */
    public String marker() {
        StringBuilder out = new StringBuilder("fz");
        for (int i = 0; i < 12; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    /** Printable form of bytes for a failure message: ASCII as it is, the rest as \xNN. */
    public static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 600); i++) {
            int b = bytes[i] & 0xff;
            out.append(b >= 0x20 && b < 0x7f && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return bytes.length > 600 ? out + "…(" + bytes.length + " bytes)" : out.toString();
    }
}
