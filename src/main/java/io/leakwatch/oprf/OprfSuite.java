package io.leakwatch.oprf;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.hash2curve.HashToCurveProfile;
import org.bouncycastle.crypto.hash2curve.HashToEllipticCurve;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9497 OPRF, base mode, ciphersuite P256-SHA256: the group, its encodings, HashToGroup and
 * Finalize, exactly as the browser's {@code p256_oprf} (@noble/curves) computes them. Elements are
 * 33-byte SEC1 compressed points, scalars 32 bytes big-endian.
 *
 * <p>The input of an account is the 20-byte SHA-1 the index stores for it, so publishing needs no
 * plaintext; an index entry keeps the first {@value #ENTRY_OUTPUT_BYTES} bytes of the output.
 */
public final class OprfSuite {

    public static final int ELEMENT_BYTES = 33;
    public static final int SCALAR_BYTES = 32;
    /** 128 bits: a collision among the entries of a bucket, or with a guess, is out of reach. */
    public static final int ENTRY_OUTPUT_BYTES = 16;

    static final String CONTEXT_STRING = "OPRFV1-\u0000-P256-SHA256";
    private static final String HASH_TO_GROUP_DST = "HashToGroup-" + CONTEXT_STRING;
    private static final byte[] FINALIZE_LABEL = "Finalize".getBytes(StandardCharsets.US_ASCII);

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = P256.getCurve();
    static final BigInteger ORDER = P256.getN();
    static final ECPoint GENERATOR = P256.getG();

    private OprfSuite() {
    }

    /** The group order n: a secret key is a scalar in [1, n-1]. */
    public static BigInteger order() {
        return ORDER;
    }

    /**
     * A new HashToGroup (RFC 9380 P256_XMD:SHA-256_SSWU_RO_ with this suite's DST). Not thread-safe:
     * it holds a digest, so each thread keeps its own.
     */
    public static HashToEllipticCurve newHashToGroup() {
        return HashToEllipticCurve.getInstance(HashToCurveProfile.P256_XMD_SHA_256, HASH_TO_GROUP_DST);
    }

    /**
     * Decodes an element sent by a client: 33 bytes, a point on P-256 (so in the group, whose
     * cofactor is 1) and not the identity.
     */
    public static ECPoint decodeElement(byte[] encoded) throws InvalidElementException {
        if (encoded.length != ELEMENT_BYTES) {
            throw new InvalidElementException("The element must be " + ELEMENT_BYTES + " bytes.");
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidElementException("The element is not a point on P-256.");
        }
        if (point.isInfinity()) {
            throw new InvalidElementException("The element must not be the identity.");
        }
        return point;
    }

    /** SEC1 compressed encoding of a point that is not the identity. */
    public static byte[] encodeElement(ECPoint point) {
        return point.getEncoded(true);
    }

    /**
     * RFC 9497 Finalize of base mode: SHA-256(I2OSP(len(input), 2) || input || I2OSP(33, 2) ||
     * unblindedElement || "Finalize").
     */
    public static byte[] finalizeOutput(MessageDigest sha256, byte[] input, byte[] unblindedElement) {
        sha256.update(lengthPrefix(input.length));
        sha256.update(input);
        sha256.update(lengthPrefix(unblindedElement.length));
        sha256.update(unblindedElement);
        sha256.update(FINALIZE_LABEL);
        return sha256.digest();
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }

    private static byte[] lengthPrefix(int length) {
        return new byte[] {(byte) (length >>> 8), (byte) length};
    }

    /** A client's element that cannot be evaluated; the message is short and safe to answer with. */
    public static final class InvalidElementException extends Exception {
        public InvalidElementException(String message) {
            super(message, null, false, false);
        }
    }
}
