package io.leakwatch.oprf;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The client's half of RFC 9497 OPRF (P256-SHA256, base mode), as the browser runs it, for tests:
 * Blind, then Finalize with the server's evaluation. Blinds with BouncyCastle directly.
 */
public final class OprfClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OprfClient() {
    }

    /** A blinded input: the secret blind r and the element r·H(input) sent to the server. */
    public record Blinded(byte[] input, BigInteger blind, byte[] element) {
    }

    public static Blinded blind(byte[] input) {
        return blind(input, BigIntegers.createRandomInRange(BigInteger.ONE, OprfSuite.order().subtract(BigInteger.ONE), RANDOM));
    }

    public static Blinded blind(byte[] input, BigInteger blind) {
        ECPoint inputElement = OprfSuite.newHashToGroup().hashToCurve(input);
        return new Blinded(input, blind, OprfSuite.encodeElement(inputElement.multiply(blind).normalize()));
    }

    /** Finalize: unblinds the server's evaluated element and hashes it with the input (32 bytes). */
    public static byte[] finalizeOutput(Blinded blinded, byte[] evaluatedElement) {
        ECPoint evaluated = OprfSuite.CURVE.decodePoint(evaluatedElement);
        ECPoint unblinded = evaluated.multiply(blinded.blind().modInverse(OprfSuite.order())).normalize();
        return OprfSuite.finalizeOutput(OprfSuite.newSha256(), blinded.input(), OprfSuite.encodeElement(unblinded));
    }

    /** The part of the output a bucket entry holds. */
    public static byte[] entryOutput(Blinded blinded, byte[] evaluatedElement) {
        return Arrays.copyOf(finalizeOutput(blinded, evaluatedElement), OprfSuite.ENTRY_OUTPUT_BYTES);
    }
}
