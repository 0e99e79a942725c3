package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierType;

/**
 * One identifier a subscription monitors, as it is stored: its type and the keyed hash of its SHA-1
 * ({@link NotifyKeys#keyedHash}). The identifier itself is never stored.
 */
public record MonitoredIdentifier(IdentifierType type, byte[] keyedHash) {

    @Override
    public String toString() {
        return "MonitoredIdentifier[" + type.slug() + "]";
    }
}
