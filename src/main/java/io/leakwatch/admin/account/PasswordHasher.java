package io.leakwatch.admin.account;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import io.leakwatch.admin.AdminConfig;
import io.leakwatch.admin.SecretToken;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;

/**
 * Argon2id hashing of admin passwords (argon2-jvm, standard encoded hashes). The cost comes from
 * {@code leakwatch.admin.argon2.*}; hashes made with a lower cost are reported by {@link #needsRehash}.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int ARGON2_VERSION = 19;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    /**
     * Each hash holds its memory cost (19 MiB by default) outside the heap while it runs; a flood of
     * sign-ins on every worker thread at once could take gigabytes. One hash per core at a time keeps
     * the CPU busy and the memory bounded; the others wait their turn.
     */
    private final Semaphore running = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private final Argon2Parameters wanted;
    /** Verified against for unknown usernames, so they cost as much time as a wrong password. */
    private final String decoyHash;

    public PasswordHasher(AdminConfig config) {
        AdminConfig.Argon2 cost = config.argon2();
        this.wanted = new Argon2Parameters("argon2id", ARGON2_VERSION, cost.memoryKib(), cost.iterations(), cost.parallelism());
        this.decoyHash = hash(SecretToken.generate("decoy-").toCharArray());
    }

    /** Hashes {@code password}; the caller wipes its array. */
    public String hash(char[] password) {
        running.acquireUninterruptibly();
        try {
            return argon2.hash(wanted.iterations(), wanted.memoryKib(), wanted.parallelism(), password);
        } finally {
            running.release();
        }
    }

    public boolean verify(String encodedHash, char[] password) {
        running.acquireUninterruptibly();
        try {
            return argon2.verify(encodedHash, password);
        } finally {
            running.release();
        }
    }

    /** Spends the time of one verification and always fails: for names that match no account. */
    public boolean verifyDecoy(char[] password) {
        verify(decoyHash, password);
        return false;
    }

    public boolean needsRehash(String encodedHash) {
        return Argon2Parameters.of(encodedHash).map(stored -> stored.weakerThan(wanted)).orElse(true);
    }

    public Argon2Parameters parameters() {
        return wanted;
    }
}
