package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminConfig;
import io.leakwatch.admin.SecretToken;
import io.leakwatch.admin.account.AdminAccount;
import io.leakwatch.admin.account.EndSessions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Server-side admin sessions: started at sign-in, looked up by the digest of the cookie's token,
 * ended by sign-out, by the idle or absolute timeout, or when the admin is disabled.
 */
@ApplicationScoped
@Transactional
public class AdminSessions {

    private final AdminConfig.Session config;
    private final Clock clock;

    public AdminSessions(AdminConfig config, Clock clock) {
        this.config = config.session();
        this.clock = clock;
    }

    /**
     * Starts a new session for {@code admin}, ending the one {@code previousToken} names (the session
     * id is never carried over a sign-in).
     *
     * @return the new session's cookie token
     */
    public String start(AdminAccount admin, Optional<String> previousToken) {
        previousToken.ifPresent(this::end);
        String token = SecretToken.generate("");
        Instant now = Instant.now(clock);
        AdminSession session = new AdminSession();
        session.tokenDigest = SecretToken.digest(token);
        session.admin = admin;
        session.csrfToken = SecretToken.generate("");
        session.createdAt = now;
        session.lastSeenAt = now;
        session.persist();
        return token;
    }

    /** The admin signed in with {@code token}, if that session is still valid; marks it as used now. */
    public Optional<SignedInAdmin> resume(String token) {
        Optional<AdminSession> found = findByToken(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AdminSession session = found.get();
        Instant now = Instant.now(clock);
        if (!isLive(session, now) || !session.admin.enabled) {
            session.delete();
            return Optional.empty();
        }
        session.lastSeenAt = now;
        return Optional.of(new SignedInAdmin(session.admin.id, session.admin.username, session.id, session.csrfToken));
    }

    public void end(String token) {
        findByToken(token).ifPresent(AdminSession::delete);
    }

    void endSessionsOf(@Observes EndSessions event) {
        if (event.keepSessionId() == null) {
            AdminSession.delete("admin.id", event.adminId());
        } else {
            AdminSession.delete("admin.id = ?1 and id <> ?2", event.adminId(), event.keepSessionId());
        }
    }

    // Not at start: a portal that refuses to start would run it while shutting down
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetEndedSessions() {
        Instant now = Instant.now(clock);
        AdminSession.delete("lastSeenAt < ?1 or createdAt < ?2",
                now.minus(config.idleTimeout()), now.minus(config.absoluteTimeout()));
    }

    private boolean isLive(AdminSession session, Instant now) {
        return now.isBefore(session.lastSeenAt.plus(config.idleTimeout()))
                && now.isBefore(session.createdAt.plus(config.absoluteTimeout()));
    }

    private static Optional<AdminSession> findByToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] digest = SecretToken.digest(token);
        // The database finds the row by digest; the final comparison is constant-time.
        return AdminSession.<AdminSession>find("tokenDigest", digest).firstResultOptional()
                .filter(session -> SecretToken.matches(session.tokenDigest, token));
    }
}
