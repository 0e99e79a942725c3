package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierType;

/**
 * One identifier a subscription monitors, as it is stored: its type and the keyed hash of its SHA-1
 * ({@link NotifyKeys#keyedHash}). The identifier itself is never stored.
 */
public record MonitoredIdentifier(IdentifierType type, byte[] keyedHash) {

    /** The first 8 bytes of a keyed hash, big-endian: the column the matcher looks up. */
    public static long lookupKey(byte[] keyedHash) {
        return java.nio.ByteBuffer.wrap(keyedHash, 0, Long.BYTES).getLong();
    }

    public long lookupKey() {
        return lookupKey(keyedHash);
    }

    @Override
    public String toString() {
        return "MonitoredIdentifier[" + type.slug() + "]";
    }
}
