package io.leakwatch.admin.session;

import io.leakwatch.admin.account.AdminAccount;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.account.AdminUsername;
import io.leakwatch.admin.account.PasswordHasher;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Signs an admin in with username and password. An unknown name, a wrong password and a disabled
 * account give the same answer, after the same Argon2 work; throttling is keyed by the name as typed,
 * so it does not tell names apart either.
 */
@ApplicationScoped
@Transactional
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
            Optional<AdminAccount> account = username.length() > AdminUsername.MAX_LENGTH
                    ? Optional.empty() : accounts.findByUsername(username);
            String actor = account.map(a -> a.username).orElse(AuditLog.UNKNOWN_ACCOUNT);

            Optional<Duration> wait = throttle.begin(accountKey, client.countingKey());
            if (wait.isPresent()) {
                audit.record(actor, AuditAction.SIGN_IN_THROTTLED, "", client.address());
                return new Outcome.Throttled(wait.get());
            }
            boolean passwordMatches = account.isPresent()
                    ? hasher.verify(account.get().passwordHash, password)
                    : hasher.verifyDecoy(password);
            if (!passwordMatches || !account.get().enabled) {
                audit.record(actor, AuditAction.SIGN_IN_FAILED, "", client.address());
                return new Outcome.Refused();
            }
            throttle.succeeded(accountKey, client.countingKey());
            accounts.rehashIfWeaker(account.get().id, password);
            String token = sessions.start(account.get(), previousSessionToken);
            audit.record(actor, AuditAction.SIGN_IN_SUCCEEDED, "", client.address());
            return new Outcome.SignedIn(token);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

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
