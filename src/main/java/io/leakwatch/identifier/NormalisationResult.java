package io.leakwatch.identifier;

/**
 * What {@link IdentifierNormaliser} made of an input: the normalised form to hash, or why it was
 * refused, for the person who typed it. There is deliberately no way to hash a rejected input "as is".
 */
public sealed interface NormalisationResult {

    record Accepted(String normalised) implements NormalisationResult {
        public String sha1Hex() {
            return IdentifierHashes.sha1Hex(normalised);
        }
    }

    /**
     * {@code problem} names what is wrong; its words, in the reader's language, name the format that
     * would have been accepted (the {@code check} message bundle's {@code problem_*}).
     */
    record Rejected(InputProblem problem) implements NormalisationResult {
    }
}
