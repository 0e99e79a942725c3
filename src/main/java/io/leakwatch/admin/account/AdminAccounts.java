package io.leakwatch.admin.account;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Creating, listing, disabling and re-enabling admins, and changing their passwords. */
@ApplicationScoped
@Transactional(dontRollbackOn = InvalidAdminInput.class)
public class AdminAccounts {

    private final PasswordHasher hasher;
    private final AdminPasswordPolicy policy;
    private final AuditLog audit;
    private final Event<EndSessions> endSessions;
    private final EntityManager entityManager;
    private final Clock clock;

    public AdminAccounts(PasswordHasher hasher, AdminPasswordPolicy policy, AuditLog audit, Event<EndSessions> endSessions,
                         EntityManager entityManager, Clock clock) {
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.endSessions = endSessions;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Adds an enabled admin. {@code password} is wiped afterwards.
     *
     * @throws InvalidAdminInput if the username is malformed or taken, or the password is refused
     */
    public AccountView create(String typedUsername, char[] password, Actor actor) {
        try {
            String username = AdminUsername.normalise(typedUsername);
            AdminUsername.problemWith(username).ifPresent(problem -> {
                throw new InvalidAdminInput(problem);
            });
            policy.problemWith(password, username).ifPresent(problem -> {
                throw new InvalidAdminInput(problem);
            });
            if (AdminAccount.findByUsername(username).isPresent()) {
                throw new InvalidAdminInput("There is already an admin with that username.");
            }
            Instant now = Instant.now(clock);
            AdminAccount account = new AdminAccount();
            account.username = username;
            account.passwordHash = hasher.hash(password);
            account.enabled = true;
            account.createdAt = now;
            account.createdBy = actor.name();
            account.passwordChangedAt = now;
            account.persist();
            audit.record(actor.name(), AuditAction.ADMIN_CREATED, username, actor.clientAddress());
            return AccountView.of(account);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Creates the first admin unless one exists already; concurrent starts cannot both create one.
     *
     * @return whether an admin was created
     */
    public boolean createFirst(String typedUsername, char[] password, Actor actor) {
        // Serialises the "is there an admin yet?" check across processes sharing the database.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('leakwatch.admin.first'))").getSingleResult();
        if (AdminAccount.count() > 0) {
            Arrays.fill(password, '\0');
            return false;
        }
        create(typedUsername, password, actor);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean anyExists() {
        return AdminAccount.count() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountView> list() {
        return AdminAccount.<AdminAccount>findAll(Sort.ascending("username")).stream().map(AccountView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AdminAccount> findByUsername(String normalisedUsername) {
        return AdminAccount.findByUsername(normalisedUsername);
    }

    /** Disables another admin and ends their sessions; nobody can disable themselves. */
    public void disable(long accountId, long actingAdminId, Actor actor) {
        if (accountId == actingAdminId) {
            throw new InvalidAdminInput("You cannot disable your own account.");
        }
        AdminAccount account = existing(accountId);
        if (account.enabled) {
            account.enabled = false;
            endSessions.fire(new EndSessions(account.id, null));
            audit.record(actor.name(), AuditAction.ADMIN_DISABLED, account.username, actor.clientAddress());
        }
    }

    public void enable(long accountId, Actor actor) {
        AdminAccount account = existing(accountId);
        if (!account.enabled) {
            account.enabled = true;
            audit.record(actor.name(), AuditAction.ADMIN_ENABLED, account.username, actor.clientAddress());
        }
    }

    /**
     * Changes an admin's own password after checking the current one, and ends their other sessions.
     * Both arrays are wiped afterwards.
     */
    public void changePassword(long accountId, long currentSessionId, char[] currentPassword, char[] newPassword, Actor actor) {
        try {
            AdminAccount account = existing(accountId);
            if (!hasher.verify(account.passwordHash, currentPassword)) {
                audit.record(actor.name(), AuditAction.PASSWORD_CHANGE_REFUSED, account.username, actor.clientAddress());
                throw new InvalidAdminInput("The current password is not right.");
            }
            policy.problemWith(newPassword, account.username).ifPresent(problem -> {
                throw new InvalidAdminInput(problem);
            });
            account.passwordHash = hasher.hash(newPassword);
            account.passwordChangedAt = Instant.now(clock);
            endSessions.fire(new EndSessions(account.id, currentSessionId));
            audit.record(actor.name(), AuditAction.PASSWORD_CHANGED, account.username, actor.clientAddress());
        } finally {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }

    /**
     * The stored credentials of {@code normalisedUsername}, read in a transaction of their own so that
     * no connection waits for the Argon2 work that follows.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Credentials> credentials(String normalisedUsername) {
        return AdminAccount.findByUsername(normalisedUsername)
                .map(account -> new Credentials(account.id, account.username, account.passwordHash, account.enabled));
    }

    /**
     * The account a verified password signs in to, if it is still enabled and its hash is still the
     * one verified (no password change or disabling came in between); {@code strongerHash}, made from
     * the verified password at the configured cost, replaces a weaker stored hash.
     */
    public Optional<AdminAccount> confirmSignIn(long accountId, String verifiedHash, Optional<String> strongerHash) {
        AdminAccount account = AdminAccount.findById(accountId);
        if (account == null || !account.enabled || !account.passwordHash.equals(verifiedHash)) {
            return Optional.empty();
        }
        strongerHash.ifPresent(hash -> account.passwordHash = hash);
        return Optional.of(account);
    }

    private static AdminAccount existing(long accountId) {
        AdminAccount account = AdminAccount.findById(accountId);
        if (account == null) {
            throw new InvalidAdminInput("There is no such admin.");
        }
        return account;
    }

    /** What a sign-in checks a password against; never leaves the sign-in. */
    public record Credentials(long id, String username, String passwordHash, boolean enabled) {
    }

    /** An admin account as the pages show it: never the hash. */
    public record AccountView(long id, String username, boolean enabled, Instant createdAt, String createdBy) {
        static AccountView of(AdminAccount account) {
            return new AccountView(account.id, account.username, account.enabled, account.createdAt, account.createdBy);
        }
    }
}
