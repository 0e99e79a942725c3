package io.leakwatch.notify;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The links in notification mails, built on {@code leakwatch.base-url}. Report and unsubscribe links
 * carry a token signed with the link key (HMAC-SHA256, truncated to 128 bits), so nothing about them
 * is stored: a report token names the subscription and when it expires; an unsubscribe token names
 * the subscription and does not expire, as mail clients may use it long after the mail arrived.
 * Tokens travel in the query string, which the access log never records.
 */
@ApplicationScoped
public class SignedLinks {

    public static final String VERIFY_PATH = "/notify/verify";
    public static final String REPORT_PATH = "/notify/report";
    public static final String UNSUBSCRIBE_PATH = "/notify/unsubscribe";

    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final NotifyKeys keys;
    private final Clock clock;
    private final String baseUrl;

    /** Without a base URL no link can be made; a portal with alerts on does not start without one ({@link AlertDeployment}). */
    public SignedLinks(NotifyKeys keys, Clock clock, @ConfigProperty(name = "leakwatch.base-url") Optional<String> baseUrl) {
        this.keys = keys;
        this.clock = clock;
        String base = baseUrl.map(String::strip).orElse("");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String verifyUrl(String verificationToken) {
        return baseUrl + VERIFY_PATH + "?token=" + verificationToken;
    }

    public String unsubscribeUrl(UUID subscription) {
        ByteBuffer signed = ByteBuffer.allocate(ID_BYTES);
        putId(signed, subscription);
        return baseUrl + UNSUBSCRIBE_PATH + "?token=" + ENCODER.encodeToString(withMac(Purpose.UNSUBSCRIBE, signed.array()));
    }

    /** A report link that works until {@code validFor} from now. */
    public String reportUrl(UUID subscription, Duration validFor) {
        ByteBuffer signed = ByteBuffer.allocate(ID_BYTES + Long.BYTES);
        putId(signed, subscription);
        signed.putLong(clock.instant().plus(validFor).getEpochSecond());
        return baseUrl + REPORT_PATH + "?token=" + ENCODER.encodeToString(withMac(Purpose.REPORT, signed.array()));
    }

    /** The subscription an unsubscribe token names, if its signature holds. */
    public Optional<UUID> unsubscribeSubscription(String token) {
        return verified(Purpose.UNSUBSCRIBE, token, ID_BYTES).map(SignedLinks::readId);
    }

    /** The subscription a report token names, if its signature holds and it has not expired. */
    public Optional<UUID> reportSubscription(String token) {
        return verified(Purpose.REPORT, token, ID_BYTES + Long.BYTES)
                .filter(signed -> Instant.ofEpochSecond(signed.getLong(ID_BYTES)).isAfter(clock.instant()))
                .map(SignedLinks::readId);
    }

    private enum Purpose {
        UNSUBSCRIBE, REPORT;

        byte[] label() {
            return ("leakwatch " + name().toLowerCase() + " link:").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private byte[] withMac(Purpose purpose, byte[] signed) {
        byte[] token = new byte[signed.length + MAC_BYTES];
        System.arraycopy(signed, 0, token, 0, signed.length);
        System.arraycopy(mac(purpose, signed), 0, token, signed.length, MAC_BYTES);
        return token;
    }

    private Optional<ByteBuffer> verified(Purpose purpose, String token, int signedBytes) {
        if (token == null || token.length() > 128) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = DECODER.decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (decoded.length != signedBytes + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] signed = Arrays.copyOf(decoded, signedBytes);
        byte[] presented = Arrays.copyOfRange(decoded, signedBytes, decoded.length);
        byte[] expected = Arrays.copyOf(mac(purpose, signed), MAC_BYTES);
        return MessageDigest.isEqual(expected, presented) ? Optional.of(ByteBuffer.wrap(signed)) : Optional.empty();
    }

    private byte[] mac(Purpose purpose, byte[] signed) {
        Mac mac = keys.linkMac();
        mac.update(purpose.label());
        return mac.doFinal(signed);
    }

    private static void putId(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private static UUID readId(ByteBuffer signed) {
        return new UUID(signed.getLong(0), signed.getLong(8));
    }
}
