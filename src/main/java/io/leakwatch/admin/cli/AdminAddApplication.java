package io.leakwatch.admin.cli;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.account.InvalidAdminInput;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.enterprise.context.Dependent;

import java.util.Optional;

/** The work of {@code admin add}, inside Quarkus so that it can use the accounts service. */
@Dependent
@Unremovable
public class AdminAddApplication implements QuarkusApplication {

    private final AdminAccounts accounts;

    public AdminAddApplication(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    /** {@code args[0]} is the username. */
    @Override
    public int run(String... args) throws Exception {
        Optional<char[]> password = PasswordInput.read(System.console(), System.in);
        if (password.isEmpty()) {
            return 1;
        }
        try {
            accounts.create(args[0], password.get(), Actor.commandLine());
            System.out.println("The admin was added. Sign in at /admin/sign-in.");
            return 0;
        } catch (InvalidAdminInput refused) {
            System.err.println("The admin was not added: " + refused.getMessage());
            return 1;
        }
    }
}
