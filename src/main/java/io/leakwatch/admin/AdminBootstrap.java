package io.leakwatch.admin;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.account.InvalidAdminInput;
import io.leakwatch.admin.token.AdminApiTokens;
import io.leakwatch.index.IndexConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At the start of the portal: creates the first admin from {@code LEAKWATCH_ADMIN_USERNAME} and
 * {@code LEAKWATCH_ADMIN_PASSWORD} when no admin exists yet, and accepts {@code LEAKWATCH_ADMIN_TOKEN}.
 * There is never a default account. Commands such as {@code admin add} do not serve, and skip this,
 * so that running one from a shell with other variables cannot change the serving portal's token.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminConfig config;
    private final AdminAccounts accounts;
    private final AdminApiTokens tokens;
    private final boolean serving;

    public AdminBootstrap(AdminConfig config, AdminAccounts accounts, AdminApiTokens tokens, IndexConfig indexConfig) {
        this.config = config;
        this.accounts = accounts;
        this.tokens = tokens;
        this.serving = indexConfig.serving();
    }

    void onStart(@Observes StartupEvent event) {
        if (!serving) {
            return;
        }
        config.token().filter(token -> !token.isEmpty()).ifPresent(tokens::acceptEnvironmentToken);
        createFirstAdminFromEnvironment();
    }

    private void createFirstAdminFromEnvironment() {
        boolean hasUsername = config.username().filter(name -> !name.isBlank()).isPresent();
        boolean hasPassword = config.password().filter(password -> !password.isEmpty()).isPresent();
        if (hasUsername != hasPassword) {
            throw new IllegalStateException("Set both LEAKWATCH_ADMIN_USERNAME and LEAKWATCH_ADMIN_PASSWORD, or neither");
        }
        if (!hasUsername) {
            if (!accounts.anyExists()) {
                LOG.warn("No admin exists yet. Create one with: java -jar quarkus-run.jar admin add --username NAME "
                        + "(or start once with LEAKWATCH_ADMIN_USERNAME and LEAKWATCH_ADMIN_PASSWORD)");
            }
            return;
        }
        try {
            boolean created = accounts.createFirst(config.username().get(), config.password().get().toCharArray(), Actor.environment());
            LOG.info(created ? "Created the first admin from LEAKWATCH_ADMIN_USERNAME"
                    : "LEAKWATCH_ADMIN_USERNAME and LEAKWATCH_ADMIN_PASSWORD are ignored: an admin exists already");
        } catch (InvalidAdminInput refused) {
            throw new IllegalStateException("LEAKWATCH_ADMIN_USERNAME / LEAKWATCH_ADMIN_PASSWORD refused: " + refused.getMessage());
        }
    }
}
