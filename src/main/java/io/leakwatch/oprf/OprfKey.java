package io.leakwatch.oprf;

import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The server's OPRF secret key k, a scalar in [1, n-1], with its public element pkS = k·G and key
 * id: the first 8 bytes of SHA-256(pkS), in lowercase hex, which bucket bodies and evaluations carry
 * so a client can tell they came from the same key. The scalar never leaves this class except to be
 * written to the key file, and {@link #toString()} names only the key id.
 */
public final class OprfKey {

    private static final HexFormat HEX = HexFormat.of();

    private final BigInteger scalar;
    private final String id;

    private OprfKey(BigInteger scalar) {
        this.scalar = scalar;
        byte[] publicElement = OprfSuite.encodeElement(OprfSuite.GENERATOR.multiply(scalar).normalize());
        byte[] digest = OprfSuite.newSha256().digest(publicElement);
        this.id = HEX.formatHex(digest, 0, 8);
    }

    /** A key from its scalar; refuses 0 and anything not below the group order. */
    public static OprfKey ofScalar(BigInteger scalar) {
        if (scalar.signum() <= 0 || scalar.compareTo(OprfSuite.ORDER) >= 0) {
            throw new IllegalArgumentException("an OPRF key must be a scalar between 1 and the P-256 group order minus 1");
        }
        return new OprfKey(scalar);
    }

    /**
     * Parses a key written as 64 hex digits (32 bytes, big-endian). The message of a refusal never
     * repeats the value.
     */
    public static OprfKey ofHex(String hex) {
        String trimmed = hex.strip();
        if (trimmed.length() != 2 * OprfSuite.SCALAR_BYTES || !trimmed.chars().allMatch(OprfKey::isHexDigit)) {
            throw new IllegalArgumentException("an OPRF key must be " + 2 * OprfSuite.SCALAR_BYTES
                    + " hex digits (32 bytes, e.g. the output of `openssl rand -hex 32`)");
        }
        return ofScalar(new BigInteger(1, HEX.parseHex(trimmed)));
    }

    /** A new random key, uniformly distributed over [1, n-1]. */
    public static OprfKey generate(SecureRandom random) {
        return new OprfKey(BigIntegers.createRandomInRange(BigInteger.ONE, OprfSuite.ORDER.subtract(BigInteger.ONE), random));
    }

    /** The key id: 16 lowercase hex digits. */
    public String id() {
        return id;
    }

    /** The scalar itself, for the benchmark's bare reference loop only. */
    BigInteger scalar() {
        return scalar;
    }

    /** The scalar as 64 hex digits, for the key file only. */
    String toHex() {
        return HEX.formatHex(BigIntegers.asUnsignedByteArray(OprfSuite.SCALAR_BYTES, scalar));
    }

    /**
     * RFC 9497 BlindEvaluate: k times a client's blinded element, encoded. The element is decoded
     * and checked first, so nothing that is not a group element is ever multiplied.
     */
    public byte[] blindEvaluate(byte[] blindedElement) throws OprfSuite.InvalidElementException {
        return blindEvaluate(OprfSuite.decodeElement(blindedElement));
    }

    /** The same for an element already decoded (and so checked) by {@link OprfSuite#decodeElement}. */
    public byte[] blindEvaluate(ECPoint blindedElement) {
        return OprfSuite.encodeElement(blindedElement.multiply(scalar).normalize());
    }

    /** An evaluator of whole inputs under this key, for one thread. */
    public Evaluator evaluator() {
        return new Evaluator(scalar);
    }

    @Override
    public String toString() {
        return "OPRF key " + id;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * The unblinded evaluation of inputs the server holds (the account SHA-1s of the index), as
     * publishing computes them: Finalize(x, k·HashToGroup(x)). Holds a hash-to-curve instance and a
     * digest, so it is not thread-safe: one per thread.
     *
     * <p>The multiplication is BouncyCastle's default for P-256 (a width-5 wNAF, its table of the
     * point's odd multiples normalised at once), normalised per point. Measured side by side, warm, on
     * one core: recoding the fixed k once instead of per multiplication, and normalising results in
     * batches of 256 with one inversion, both stayed at about 160 µs a multiplication, within the
     * noise; the fixed-base comb does not apply, the point varies. About half of an evaluation is
     * hash-to-curve, which BouncyCastle computes with {@link BigInteger} exponentiations.
     */
    public static final class Evaluator {
        private final BigInteger scalar;
        private final HashToEllipticCurve hashToGroup = OprfSuite.newHashToGroup();
        private final MessageDigest sha256 = OprfSuite.newSha256();

        private Evaluator(BigInteger scalar) {
            this.scalar = scalar;
        }

        /** The whole 32-byte output for {@code input}. */
        public byte[] output(byte[] input) {
            ECPoint evaluated = hashToGroup.hashToCurve(input).multiply(scalar).normalize();
            return OprfSuite.finalizeOutput(sha256, input, OprfSuite.encodeElement(evaluated));
        }

        /** Writes the first {@link OprfSuite#ENTRY_OUTPUT_BYTES} bytes of the output of {@code input} at {@code offset}. */
        public void entryOutput(byte[] input, byte[] out, int offset) {
            System.arraycopy(output(input), 0, out, offset, OprfSuite.ENTRY_OUTPUT_BYTES);
        }
    }
}
