package io.leakwatch.admin.token;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.SecretToken;
import io.leakwatch.admin.account.AdminAccount;
import io.leakwatch.admin.account.InvalidAdminInput;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RateLimiter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: created in the admin pages (the token is shown once and only its SHA-256 kept), or
 * taken from {@code LEAKWATCH_ADMIN_TOKEN} at start; revocable; every use is audited.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = InvalidAdminInput.class)
public class AdminApiTokens {

    /** Tokens made here start with this, so that secret scanners and people recognise them. */
    public static final String PREFIX = "lwat_";
    /** {@code LEAKWATCH_ADMIN_TOKEN} must be at least this long: it is kept as a plain SHA-256. */
    public static final int MIN_ENVIRONMENT_TOKEN_LENGTH = 32;
    static final String ENVIRONMENT_TOKEN_NAME = "LEAKWATCH_ADMIN_TOKEN";
    private static final int MAX_TOKEN_LENGTH = 512;
    /**
     * The rate-limit rule of failed token attempts per client address; {@link FailedTokenLimit} answers
     * 429 to an address that has none left, before its token is even looked up.
     */
    static final String FAILURES_RULE = "admin-token-failures";
    private static final Logger LOG = Logger.getLogger(AdminApiTokens.class);

    private final AuditLog audit;
    private final RateLimiter limiter;
    private final Clock clock;

    public AdminApiTokens(AuditLog audit, RateLimiter limiter, Clock clock) {
        this.audit = audit;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Creates a token owned by admin {@code ownerId}; the returned token is not kept anywhere. */
    public String create(String typedName, long ownerId, Actor actor) {
        String name = typedName == null ? "" : typedName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidAdminInput("Give the token a name of 1 to 100 characters, saying what uses it.");
        }
        String token = SecretToken.generate(PREFIX);
        AdminApiToken row = new AdminApiToken();
        row.name = name;
        row.tokenDigest = SecretToken.digest(token);
        row.owner = AdminAccount.findById(ownerId);
        row.source = AdminApiToken.FROM_ADMIN_PAGES;
        row.createdAt = Instant.now(clock);
        row.persist();
        audit.record(actor.name(), AuditAction.TOKEN_CREATED, name, actor.clientAddress());
        return token;
    }

    public void revoke(long tokenId, Actor actor) {
        AdminApiToken row = AdminApiToken.findById(tokenId);
        if (row == null) {
            throw new InvalidAdminInput("There is no such token.");
        }
        if (row.revokedAt == null) {
            row.revokedAt = Instant.now(clock);
            audit.record(actor.name(), AuditAction.TOKEN_REVOKED, row.name, actor.clientAddress());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list() {
        return AdminApiToken.<AdminApiToken>findAll(Sort.descending("createdAt", "id")).stream()
                .map(row -> new TokenView(row.id, row.name, row.owner == null ? "(environment)" : row.owner.username,
                        row.createdAt, row.lastUsedAt, row.revokedAt))
                .toList();
    }

    /**
     * The caller a presented bearer token belongs to, if it is valid (known, not revoked, its owner
     * enabled). Valid and invalid uses are both audited with {@code request} (method and path); an
     * invalid one also counts against the client's failed attempts.
     */
    public Optional<ApiCaller> authenticate(String presented, String request, ClientAddress client) {
        Optional<AdminApiToken> found = presented.length() > MAX_TOKEN_LENGTH ? Optional.empty()
                // The database finds the row by digest; the final comparison is constant-time.
                : AdminApiToken.<AdminApiToken>find("tokenDigest", SecretToken.digest(presented)).firstResultOptional()
                .filter(row -> SecretToken.matches(row.tokenDigest, presented));
        Optional<AdminApiToken> valid = found.filter(row -> row.revokedAt == null && (row.owner == null || row.owner.enabled));
        if (valid.isEmpty()) {
            limiter.tryAcquire(FAILURES_RULE, client.countingKey());
            audit.record(found.map(row -> "token \"" + row.name + "\"").orElse("(unknown token)"),
                    AuditAction.TOKEN_REJECTED, request, client.address());
            return Optional.empty();
        }
        AdminApiToken row = valid.get();
        row.lastUsedAt = Instant.now(clock);
        ApiCaller caller = new ApiCaller(row.id, row.name, row.owner == null ? null : row.owner.username);
        audit.record(caller.auditName(), AuditAction.TOKEN_USED, request, client.address());
        return Optional.of(caller);
    }

    /**
     * Makes {@code LEAKWATCH_ADMIN_TOKEN} valid: stores its digest unless present, and revokes an
     * earlier environment token it replaces. A token an admin revoked stays revoked.
     */
    public void acceptEnvironmentToken(String token) {
        if (token.length() < MIN_ENVIRONMENT_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH || !token.equals(token.strip())) {
            throw new IllegalStateException("LEAKWATCH_ADMIN_TOKEN must be " + MIN_ENVIRONMENT_TOKEN_LENGTH + " to "
                    + MAX_TOKEN_LENGTH + " characters without surrounding spaces (for example: openssl rand -hex 32)");
        }
        byte[] digest = SecretToken.digest(token);
        Optional<AdminApiToken> existing = AdminApiToken.find("tokenDigest", digest).firstResultOptional();
        if (existing.isPresent()) {
            if (existing.get().revokedAt != null) {
                LOG.warn("LEAKWATCH_ADMIN_TOKEN was revoked in the admin pages and stays revoked; set a new one to use it again");
            }
            return;
        }
        Instant now = Instant.now(clock);
        List<AdminApiToken> replaced = AdminApiToken.list("source = ?1 and revokedAt is null", AdminApiToken.FROM_ENVIRONMENT);
        for (AdminApiToken old : replaced) {
            old.revokedAt = now;
            audit.record(AuditLog.ENVIRONMENT, AuditAction.TOKEN_REVOKED, old.name, "");
        }
        AdminApiToken row = new AdminApiToken();
        row.name = ENVIRONMENT_TOKEN_NAME;
        row.tokenDigest = digest;
        row.source = AdminApiToken.FROM_ENVIRONMENT;
        row.createdAt = now;
        row.persist();
        audit.record(AuditLog.ENVIRONMENT, AuditAction.TOKEN_CREATED, row.name, "");
    }

    /** A token as the admin pages list it: never the token or its digest. */
    public record TokenView(long id, String name, String owner, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }
}
