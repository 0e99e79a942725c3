package io.leakwatch.identifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes of NORMALISATION.md, as uppercase hex: what the range API and the indexes are keyed by. */
public final class IdentifierHashes {

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();

    private IdentifierHashes() {
    }

    /** SHA-1 of the UTF-8 bytes: the account hash of a normalised identifier, and the password hash. */
    public static String sha1Hex(String normalised) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return UPPERCASE_HEX.formatHex(sha1.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-1", e);
        }
    }

    /** NTLM: MD4 of the UTF-16LE bytes of a password, as Windows stores it. */
    public static String ntlmHex(String password) {
        return UPPERCASE_HEX.formatHex(Md4.digest(password.getBytes(StandardCharsets.UTF_16LE)));
    }
}
