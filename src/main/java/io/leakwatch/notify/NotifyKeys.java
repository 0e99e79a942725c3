package io.leakwatch.notify;

import io.leakwatch.index.IndexConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * The two secrets of notifications, from the environment: the hash key, under which monitored
 * identifiers are stored as HMAC-SHA256 of their SHA-1 (so the database alone cannot be searched for
 * a phone number, even by trying them all), and the link key, which signs report and unsubscribe
 * links. Without a hash key notifications are off; a key shorter than {@value #MIN_KEY_BYTES} bytes
 * stops the start, since someone meant to turn notifications on and got it wrong.
 */
@ApplicationScoped
public class NotifyKeys {

    public static final int MIN_KEY_BYTES = 32;
    private static final Logger LOG = Logger.getLogger(NotifyKeys.class);
    private static final String ALGORITHM = "HmacSHA256";
    /** Separates the derived link key from every keyed hash: no SHA-1 is this string. */
    private static final byte[] LINK_KEY_LABEL = "leakwatch notify link key v1".getBytes(StandardCharsets.UTF_8);

    private final Optional<SecretKeySpec> hashKey;
    private final Optional<SecretKeySpec> linkKey;
    private final boolean serving;

    @Inject
    public NotifyKeys(NotifyConfig config, IndexConfig indexConfig) {
        this(config, indexConfig.serving());
    }

    NotifyKeys(NotifyConfig config) {
        this(config, false);
    }

    private NotifyKeys(NotifyConfig config, boolean serving) {
        this.serving = serving;
        this.hashKey = config.hashKey().filter(key -> !key.isEmpty()).map(key -> spec("LEAKWATCH_NOTIFY_HASH_KEY", key));
        Optional<SecretKeySpec> explicitLinkKey = config.linkKey().filter(key -> !key.isEmpty())
                .map(key -> spec("LEAKWATCH_NOTIFY_LINK_KEY", key));
        this.linkKey = explicitLinkKey.isPresent() ? explicitLinkKey
                : hashKey.map(key -> new SecretKeySpec(hmac(key, LINK_KEY_LABEL), ALGORITHM));
    }

    void onStart(@Observes StartupEvent event) {
        if (hashKey.isEmpty() && serving) { // the one-off commands need not say it
            LOG.warn("Breach notifications are off: set LEAKWATCH_NOTIFY_HASH_KEY (at least 32 bytes) to turn them on");
        }
    }

    /** Whether notifications can run: a hash key is configured. */
    public boolean enabled() {
        return hashKey.isPresent();
    }

    /** The keyed hash of one account SHA-1 (20 bytes): what the database stores and matches. */
    public byte[] keyedHash(byte[] sha1) {
        return hmac(requiredHashKey(), sha1);
    }

    /** A hasher for one thread: reuses its MAC for millions of hashes. */
    public KeyedHasher hasher() {
        return new KeyedHasher(newMac(requiredHashKey()));
    }

    /** A MAC under the link key, for {@link SignedLinks}. */
    Mac linkMac() {
        return newMac(linkKey.orElseThrow(NotifyKeys::off));
    }

    /** Computes keyed hashes with one MAC; not thread-safe. */
    public static final class KeyedHasher {
        private final Mac mac;

        private KeyedHasher(Mac mac) {
            this.mac = mac;
        }

        public byte[] hash(byte[] sha1) {
            return mac.doFinal(sha1);
        }
    }

    private SecretKeySpec requiredHashKey() {
        return hashKey.orElseThrow(NotifyKeys::off);
    }

    private static IllegalStateException off() {
        return new IllegalStateException("Notifications are off: no LEAKWATCH_NOTIFY_HASH_KEY");
    }

    private static SecretKeySpec spec(String variable, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(variable + " must be at least " + MIN_KEY_BYTES
                    + " bytes, e.g. the output of `openssl rand -hex 32`");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        return newMac(key).doFinal(message);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform provides " + ALGORITHM, e);
        }
    }
}
