package io.leakwatch.identifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hashes of NORMALISATION.md, as uppercase hex: what the range API and the indexes are keyed by. */
public final class IdentifierHashes {

    private static final HexFormat UPPERCASE_HEX = HexFormat.of().withUpperCase();
    /** Looking a digest up costs more than using it: ingestion hashes millions of identifiers per run. */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-1", e);
        }
    });

    private IdentifierHashes() {
    }

    /** SHA-1 of the UTF-8 bytes: the account hash of a normalised identifier, and the password hash. */
    public static String sha1Hex(String normalised) {
        return UPPERCASE_HEX.formatHex(sha1(normalised));
    }

    /** NTLM: MD4 of the UTF-16LE bytes of a password, as Windows stores it. */
    public static String ntlmHex(String password) {
        return UPPERCASE_HEX.formatHex(ntlm(password));
    }

    /** {@link #sha1Hex} as the 20 bytes the index stores. */
    public static byte[] sha1(String normalised) {
        return SHA1.get().digest(normalised.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #ntlmHex} as the 16 bytes the index stores. */
    public static byte[] ntlm(String password) {
        return Md4.digest(utf16le(password));
    }

    /** The UTF-16LE bytes, written out directly: the charset encoder cost more than MD4 itself. */
    private static byte[] utf16le(String text) {
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                return text.getBytes(StandardCharsets.UTF_16LE); // pairs and lone halves: the encoder decides
            }
            bytes[2 * i] = (byte) c;
            bytes[2 * i + 1] = (byte) (c >>> 8);
        }
        return bytes;
    }
}
