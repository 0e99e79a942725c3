package io.leakwatch.index;

import java.util.Arrays;

/**
 * The three hash spaces of the index. Each is bucketed by the hash's first 20 bits (five hex
 * characters); a bucket stores the rest of each hash, from the hash's third byte on, so the high
 * nibble of that byte repeats the prefix's fifth hex digit.
 */
public enum HashKind {
    /** SHA-1 of a password, with an occurrence count. */
    PASSWORD_SHA1(1, 20),
    /** NTLM (MD4 of UTF-16LE) of a password, with an occurrence count. */
    PASSWORD_NTLM(2, 16),
    /** SHA-1 of a normalised identifier, with the breaches it appears in. */
    ACCOUNT(3, 20);

    public static final int PREFIX_HEX_LENGTH = 5;
    public static final int BUCKET_COUNT = 1 << 20;

    private final short code;
    private final int hashBytes;

    HashKind(int code, int hashBytes) {
        this.code = (short) code;
        this.hashBytes = hashBytes;
    }

    public short code() {
        return code;
    }

    public int hashBytes() {
        return hashBytes;
    }

    /** Bytes stored per entry for the hash: everything after the first two bytes. */
    public int storedSuffixBytes() {
        return hashBytes - 2;
    }

    /** Hex characters of the suffix a client sees: the whole hash less the five-character prefix. */
    public int suffixHexLength() {
        return hashBytes * 2 - PREFIX_HEX_LENGTH;
    }

    /** Password kinds are served as Pwned Passwords bodies, account kinds as JSON. */
    public boolean isPassword() {
        return this != ACCOUNT;
    }

    public static HashKind ofCode(int code) {
        return Arrays.stream(values()).filter(kind -> kind.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown hash kind " + code));
    }

    /** The full hash of a stored suffix: the prefix's first 16 bits, then the suffix. */
    public static byte[] fullHash(int prefix, byte[] storedSuffix) {
        byte[] hash = new byte[storedSuffix.length + 2];
        hash[0] = (byte) (prefix >>> 12);
        hash[1] = (byte) (prefix >>> 4);
        System.arraycopy(storedSuffix, 0, hash, 2, storedSuffix.length);
        return hash;
    }

    /** The bucket a full hash belongs to: its first 20 bits. */
    public static int prefixOf(byte[] hash) {
        return ((hash[0] & 0xFF) << 12) | ((hash[1] & 0xFF) << 4) | ((hash[2] & 0xFF) >>> 4);
    }
}
