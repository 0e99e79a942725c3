package io.leakwatch.admin.session;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.account.AdminUsername;
import io.leakwatch.admin.account.PasswordHasher;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.web.ClientAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Signs an admin in with username and password. An unknown name, a wrong password and a disabled
 * account give the same answer, after the same Argon2 work; throttling is keyed by the name as typed,
 * so it does not tell names apart either.
 *
 * <p>The Argon2 work (and the wait for a turn at it) happens outside any transaction: the credentials
 * are read in a short transaction before, and the session is started in another after, so a flood of
 * sign-ins cannot hold the connection pool that every other page needs.
 */
@ApplicationScoped
public class AdminSignIn {

    private final AdminAccounts accounts;
    private final AdminSessions sessions;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    public AdminSignIn(AdminAccounts accounts, AdminSessions sessions, PasswordHasher hasher, SignInThrottle throttle,
                       AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** {@code password} is wiped afterwards. */
    public Outcome signIn(String typedUsername, char[] password, ClientAddress client, Optional<String> previousSessionToken) {
        try {
            String username = AdminUsername.normalise(typedUsername);
            String accountKey = username.length() > AdminUsername.MAX_LENGTH ? username.substring(0, AdminUsername.MAX_LENGTH + 1) : username;
            Optional<AdminAccounts.Credentials> account = username.length() > AdminUsername.MAX_LENGTH
                    ? Optional.empty() : accounts.credentials(username);
            String actor = account.map(AdminAccounts.Credentials::username).orElse(AuditLog.UNKNOWN_ACCOUNT);

            Optional<Duration> wait = throttle.begin(accountKey, client.countingKey());
            if (wait.isPresent()) {
                audit.record(actor, AuditAction.SIGN_IN_THROTTLED, "", client.address());
                return new Outcome.Throttled(wait.get());
            }
            boolean passwordMatches = account.isPresent()
                    ? hasher.verify(account.get().passwordHash(), password)
                    : hasher.verifyDecoy(password);
            if (!passwordMatches || !account.get().enabled()) {
                audit.record(actor, AuditAction.SIGN_IN_FAILED, "", client.address());
                return new Outcome.Refused();
            }
            String verifiedHash = account.get().passwordHash();
            Optional<String> strongerHash = hasher.needsRehash(verifiedHash) ? Optional.of(hasher.hash(password)) : Optional.empty();
            Optional<String> token = QuarkusTransaction.requiringNew().call(() -> accounts
                    .confirmSignIn(account.get().id(), verifiedHash, strongerHash)
                    .map(confirmed -> {
                        audit.record(actor, AuditAction.SIGN_IN_SUCCEEDED, "", client.address());
                        return sessions.start(confirmed, previousSessionToken);
                    }));
            if (token.isEmpty()) { // disabled, or its password changed, while the hash was checked
                audit.record(actor, AuditAction.SIGN_IN_FAILED, "", client.address());
                return new Outcome.Refused();
            }
            throttle.succeeded(accountKey, client.countingKey());
            return new Outcome.SignedIn(token.get());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Transactional
    public void signOut(SignedInAdmin admin, String sessionToken, ClientAddress client) {
        sessions.end(sessionToken);
        audit.record(admin.username(), AuditAction.SIGNED_OUT, "", client.address());
    }

    /** What became of a sign-in attempt. */
    public sealed interface Outcome {
        /** Signed in; {@code sessionToken} goes into the session cookie. */
        record SignedIn(String sessionToken) implements Outcome {
        }

        /** Wrong name or password (the two are not told apart). */
        record Refused() implements Outcome {
        }

        /** Too many recent failures for this name or address: try again after {@code retryAfter}. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }
}
