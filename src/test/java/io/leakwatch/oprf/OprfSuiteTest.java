package io.leakwatch.oprf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Interoperability with RFC 9497: the test vectors of Appendix A.3.1, "P256-SHA256, OPRF Mode"
 * (taken from the RFC's source, cfrg/draft-irtf-cfrg-voprf, draft-irtf-cfrg-voprf.md, section
 * "P256-SHA256" / "OPRF Mode"; the same values are in the published RFC), read from the fixture the
 * browser's test reads too ({@link Rfc9497Vectors}). The key is the vectors' skSm, derived there from
 * Seed = a3…a3 and KeyInfo = "test key".
 */
class OprfSuiteTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Rfc9497Vectors RFC = Rfc9497Vectors.load();
    private static final OprfKey VECTOR_KEY = OprfKey.ofHex(RFC.skSm());

    static Stream<Rfc9497Vectors.Vector> rfcVectors() {
        return RFC.vectors().stream();
    }

    @ParameterizedTest(name = "RFC 9497 P256-SHA256 OPRF test vector {index}")
    @MethodSource("rfcVectors")
    void matchesTheRfcVectors(Rfc9497Vectors.Vector vector) throws Exception {
        byte[] inputBytes = HEX.parseHex(vector.input());
        String blindedElement = vector.blindedElement();
        String evaluationElement = vector.evaluationElement();
        String output = vector.output();

        OprfClient.Blinded blinded = OprfClient.blind(inputBytes, new BigInteger(vector.blind(), 16));
        assertEquals(blindedElement, HEX.formatHex(blinded.element()), "Blind");

        byte[] evaluated = VECTOR_KEY.blindEvaluate(blinded.element());
        assertEquals(evaluationElement, HEX.formatHex(evaluated), "BlindEvaluate");

        assertEquals(output, HEX.formatHex(OprfClient.finalizeOutput(blinded, evaluated)), "Finalize");
        assertEquals(output, HEX.formatHex(VECTOR_KEY.evaluator().output(inputBytes)), "the server's own evaluation");
    }

    @Test
    void aBlindedEvaluationUnblindedIsTheFullEvaluation() throws Exception {
        OprfKey key = OprfKey.generate(new SecureRandom());
        OprfKey.Evaluator evaluator = key.evaluator();
        for (int i = 0; i < 20; i++) {
            byte[] accountSha1 = OprfSuite.newSha256().digest(("user" + i + "@example.com").getBytes());
            accountSha1 = java.util.Arrays.copyOf(accountSha1, 20);
            OprfClient.Blinded blinded = OprfClient.blind(accountSha1);
            byte[] viaBrowser = OprfClient.entryOutput(blinded, key.blindEvaluate(blinded.element()));
            byte[] published = new byte[OprfSuite.ENTRY_OUTPUT_BYTES];
            evaluator.entryOutput(accountSha1, published, 0);
            assertArrayEquals(published, viaBrowser);
        }
    }

    @Test
    void anotherKeyGivesOtherOutputsAndAnotherId() {
        OprfKey other = OprfKey.generate(new SecureRandom());
        byte[] input = HEX.parseHex("00");
        assertNotEquals(HEX.formatHex(VECTOR_KEY.evaluator().output(input)), HEX.formatHex(other.evaluator().output(input)));
        assertNotEquals(VECTOR_KEY.id(), other.id());
        assertEquals(16, VECTOR_KEY.id().length());
    }

    @Test
    void theKeyIdIsTheStartOfTheHashOfThePublicElement() {
        // pkS = k·G of the vector key, compressed; keyId = first 8 bytes of SHA-256(pkS)
        byte[] publicElement = OprfSuite.encodeElement(OprfSuite.GENERATOR.multiply(
                new BigInteger(RFC.skSm(), 16)).normalize());
        String expected = HEX.formatHex(OprfSuite.newSha256().digest(publicElement)).substring(0, 16);
        assertEquals(expected, VECTOR_KEY.id());
        assertEquals("OPRF key " + expected, VECTOR_KEY.toString(), "the scalar never shows in a log line");
    }

    @ParameterizedTest(name = "refuses key {0}")
    @CsvSource({
            "0000000000000000000000000000000000000000000000000000000000000000",
            // the group order n itself, and n + 1
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632552",
            "159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0",
            "159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bfff",
            "z59749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf"
    })
    void refusesKeysOutsideTheGroup(String hex) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> OprfKey.ofHex(hex));
        assertEquals(-1, refusal.getMessage().indexOf(hex.substring(0, 20)), "the refusal does not repeat the key");
    }
}
