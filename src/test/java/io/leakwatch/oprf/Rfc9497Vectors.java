package io.leakwatch.oprf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test vectors of RFC 9497, Appendix A.3.1 (P256-SHA256, OPRF mode), as hex, from
 * {@code fixtures/rfc9497-p256-sha256-oprf.json} (whose {@code source} says where they come from): one
 * file for the Java suite's test and the browser's, so both sides prove the same values.
 */
public record Rfc9497Vectors(String skSm, List<Vector> vectors) {

    public record Vector(String input, String blind, String blindedElement, String evaluationElement, String output) {
    }

    public static Rfc9497Vectors load() {
        try (InputStream in = Rfc9497Vectors.class.getResourceAsStream("/fixtures/rfc9497-p256-sha256-oprf.json")) {
            JsonNode suite = new ObjectMapper().readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode vector : suite.get("vectors")) {
                vectors.add(new Vector(vector.get("Input").asText(), vector.get("Blind").asText(),
                        vector.get("BlindedElement").asText(), vector.get("EvaluationElement").asText(),
                        vector.get("Output").asText()));
            }
            return new Rfc9497Vectors(suite.get("skSm").asText(), List.copyOf(vectors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
