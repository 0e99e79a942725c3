package io.leakwatch.notify;

import io.leakwatch.web.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the notification code reads it. {@code email} is the one place an address
 * appears; it goes to the mailer and to its owner's report, never to a log or another page.
 */
public record Subscription(UUID id, String email, Language language, Instant createdAt, Instant verifiedAt) {

    public boolean verified() {
        return verifiedAt != null;
    }

    @Override
    public String toString() {
        return "Subscription[" + id + "]"; // keeps the address out of any log line or exception message
    }
}
