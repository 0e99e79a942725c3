package io.leakwatch.oprf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Interoperability with RFC 9497: the test vectors of Appendix A.3.1, "P256-SHA256, OPRF Mode"
 * (taken from the RFC's source, cfrg/draft-irtf-cfrg-voprf, draft-irtf-cfrg-voprf.md, section
 * "P256-SHA256" / "OPRF Mode"; the same values are in the published RFC). The key is the vectors'
 * skSm, derived there from Seed = a3…a3 and KeyInfo = "test key".
 */
class OprfSuiteTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final OprfKey VECTOR_KEY =
            OprfKey.ofHex("159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf");
    private static final BigInteger VECTOR_BLIND =
            new BigInteger("3338fa65ec36e0290022b48eb562889d89dbfa691d1cde91517fa222ed7ad364", 16);

    @ParameterizedTest(name = "RFC 9497 P256-SHA256 OPRF test vector {index}")
    @CsvSource({
            "00, 03723a1e5c09b8b9c18d1dcbca29e8007e95f14f4732d9346d490ffc195110368d,"
                    + " 030de02ffec47a1fd53efcdd1c6faf5bdc270912b8749e783c7ca75bb412958832,"
                    + " a0b34de5fa4c5b6da07e72af73cc507cceeb48981b97b7285fc375345fe495dd",
            "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a, 03cc1df781f1c2240a64d1c297b3f3d16262ef5d4cf102734882675c26231b0838,"
                    + " 03a0395fe3828f2476ffcd1f4fe540e5a8489322d398be3c4e5a869db7fcb7c52c,"
                    + " c748ca6dd327f0ce85f4ae3a8cd6d4d5390bbb804c9e12dcf94f853fece3dcce"
    })
    void matchesTheRfcVectors(String input, String blindedElement, String evaluationElement, String output) throws Exception {
        byte[] inputBytes = HEX.parseHex(input);

        OprfClient.Blinded blinded = OprfClient.blind(inputBytes, VECTOR_BLIND);
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
                new BigInteger("159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf", 16)).normalize());
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
