package io.leakwatch.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random, high-entropy secrets (session cookies, API tokens, CSRF tokens) and their SHA-256 digests.
 * A salted slow hash is not needed for 256 random bits; a digest is enough to keep the secret itself
 * out of the database.
 */
public final class SecretToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private SecretToken() {
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters), after {@code prefix}. */
    public static String generate(String prefix) {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether {@code presented} is the secret whose digest is {@code expectedDigest}, in constant time. */
    public static boolean matches(byte[] expectedDigest, String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    /** Constant-time equality of two secrets given as text. */
    public static boolean equal(String expected, String presented) {
        return expected != null && presented != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
