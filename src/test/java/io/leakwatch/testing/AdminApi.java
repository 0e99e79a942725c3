package io.leakwatch.testing;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.admin.token.AdminApiTokens;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;

import static io.restassured.RestAssured.given;

/** A fresh admin with an API token, for tests that drive the automation API. */
@ApplicationScoped
public class AdminApi {

    private final AdminAccounts accounts;
    private final AdminApiTokens tokens;

    public AdminApi(AdminAccounts accounts, AdminApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** A new admin's new token. */
    public String newToken() {
        AdminAccounts.AccountView admin = accounts.create(TestAdmins.newUsername("api"),
                TestAdmins.PASSWORD.toCharArray(), Actor.commandLine());
        return tokens.create("tests", admin.id(), Actor.commandLine());
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
