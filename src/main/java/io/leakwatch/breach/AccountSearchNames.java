package io.leakwatch.breach;

import io.leakwatch.index.GenerationServed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The names an anonymous account search may show, by breach id: published breaches that are not
 * sensitive, retired or fabricated. Held in memory because every range request consults it; reloaded
 * whenever a new generation is served or a breach's flags change.
 */
@ApplicationScoped
public class AccountSearchNames {

    private volatile Listing listing = Listing.of(Map.of());

    /** Breach names that may be shown, by id, with a fingerprint that changes whenever they do. */
    public record Listing(Map<Long, String> namesById, long fingerprint) {

        public static Listing of(Map<Long, String> namesById) {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform provides SHA-256", e);
            }
            new TreeMap<>(namesById).forEach((id, name) ->
                    sha256.update((id + "=" + name + "\n").getBytes(StandardCharsets.UTF_8)));
            byte[] digest = sha256.digest();
            long fingerprint = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                fingerprint = (fingerprint << 8) | (digest[i] & 0xFF);
            }
            return new Listing(Map.copyOf(namesById), fingerprint);
        }

        /** The name to show for a breach id, or null when the breach must not be named. */
        public String nameOf(long breachId) {
            return namesById.get(breachId);
        }
    }

    /** The name to show for a breach id, or null when the breach must not be named. */
    public String nameOf(long breachId) {
        return listing.nameOf(breachId);
    }

    /** What may be shown now. */
    public Listing listing() {
        return listing;
    }

    /**
     * What may be shown once generation {@code generation} is published (the breaches it publishes
     * included, those it removes left out): for files built before the switch.
     */
    @Transactional
    public Listing listingIn(int generation) {
        return load(breach -> breach.isListedInAccountSearchIn(generation));
    }

    @Transactional
    void onGenerationServed(@Observes GenerationServed served) {
        reload();
    }

    @Transactional
    public void reload() {
        listing = load(Breach::isListedInAccountSearch);
    }

    private static Listing load(Predicate<Breach> listed) {
        return Listing.of(Breach.<Breach>streamAll().filter(listed)
                .collect(Collectors.toUnmodifiableMap(breach -> breach.id, breach -> breach.name)));
    }
}
