package io.leakwatch.admin;

/** The one role of the admin area; every signed-in admin and every valid API token has it. */
public final class AdminRole {

    public static final String ADMIN = "admin";

    /**
     * Identity attribute set on requests authenticated by an API token (never sent by a browser on its
     * own, so such requests need no CSRF token).
     */
    public static final String BEARER_TOKEN_ATTRIBUTE = "io.leakwatch.admin.bearer-token";

    private AdminRole() {
    }
}
