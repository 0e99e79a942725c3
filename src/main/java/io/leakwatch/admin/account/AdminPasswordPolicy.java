package io.leakwatch.admin.account;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.index.IndexLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Which passwords an admin may choose. Every way of setting an admin password (the pages, the
 * command line, the environment at first start) asks this one class, so a new rule goes here. A
 * password the portal's own password index has seen is refused: attackers try those first.
 */
@ApplicationScoped
public class AdminPasswordPolicy {

    private final IndexLookup index;

    public AdminPasswordPolicy(IndexLookup index) {
        this.index = index;
    }

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing it cannot be used to tie up the server. */
    public static final int MAX_LENGTH = 1000;

    /** Why {@code candidate} may not be the password of {@code username}, or empty when it may. */
    public Optional<String> problemWith(char[] candidate, String username) {
        int length = Character.codePointCount(candidate, 0, candidate.length);
        if (length < MIN_LENGTH) {
            return Optional.of("Use a password of at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use a password of at most " + MAX_LENGTH + " characters.");
        }
        if (AdminUsername.normalise(new String(candidate)).equals(username)) {
            return Optional.of("The password must not be the username.");
        }
        if (index.passwordOccurrences(IdentifierHashes.sha1(new String(candidate))) > 0) {
            return Optional.of("This password appears in a known data breach, so attackers will try it: choose another.");
        }
        return Optional.empty();
    }
}
