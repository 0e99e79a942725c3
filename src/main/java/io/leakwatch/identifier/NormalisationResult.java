package io.leakwatch.identifier;

/**
 * What {@link IdentifierNormaliser} made of an input: the normalised form to hash, or a message for
 * the person who typed it. There is deliberately no way to hash a rejected input "as is".
 */
public sealed interface NormalisationResult {

    record Accepted(String normalised) implements NormalisationResult {
        public String sha1Hex() {
            return IdentifierHashes.sha1Hex(normalised);
        }
    }

    /** {@code message} is user-facing and names the format that would have been accepted. */
    record Rejected(String message) implements NormalisationResult {
    }
}
