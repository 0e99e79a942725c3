package io.leakwatch.identifier;

import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import io.leakwatch.identifier.NormalisationVectors.Vector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of the shared test vectors, whose expected values were computed apart from this code
 * (Python's hashlib, unicodedata and idna codec; OpenSSL's MD4). The browser's tests read the same
 * file ({@code check/NormaliserInBrowserTest}).
 */
class NormalisationVectorsTest {

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("vectors")
    void normalisesAndHashesAsTheVectorsSay(Vector vector) {
        NormalisationResult result = normaliser.normalise(vector.type(), vector.input());

        if (!vector.accepted()) {
            Rejected rejected = assertInstanceOf(Rejected.class, result, vector.note());
            assertNotNull(rejected.problem(), "a rejection says what is wrong");
            return;
        }
        Accepted accepted = assertInstanceOf(Accepted.class, result, vector.note());
        assertEquals(vector.normalised(), accepted.normalised(), vector.note());
        assertEquals(vector.sha1(), accepted.sha1Hex(), vector.note());
        if (vector.type() == IdentifierType.PASSWORD) {
            assertEquals(vector.ntlm(), IdentifierHashes.ntlmHex(accepted.normalised()), vector.note());
        }
    }

    static List<Vector> vectors() {
        List<Vector> rows = NormalisationVectors.all();
        assertTrue(rows.size() >= 60, "the vectors cover every edge case of NORMALISATION.md");
        return rows;
    }
}
