package io.leakwatch.admin.session;

import jakarta.ws.rs.core.NewCookie;

import java.util.Date;

/**
 * The admin area's cookies: HttpOnly, SameSite=Strict, limited to {@code /admin}, Secure when the
 * request came over TLS (directly, or through a proxy whose X-Forwarded-Proto Quarkus trusts), and
 * without Max-Age, so they end with the browser at the latest.
 */
public final class SessionCookies {

    /** The session: a random token whose digest identifies an {@link AdminSession}. */
    public static final String SESSION = "leakwatch_admin";
    /** The sign-in form's CSRF token, before any session exists (double-submit). */
    public static final String SIGN_IN_CSRF = "leakwatch_admin_sign_in";
    public static final String PATH = "/admin";

    private SessionCookies() {
    }

    public static NewCookie create(String name, String value, boolean overTls) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(PATH)
                .httpOnly(true)
                .secure(overTls)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    public static NewCookie expire(String name, boolean overTls) {
        return new NewCookie.Builder(name)
                .value("")
                .path(PATH)
                .httpOnly(true)
                .secure(overTls)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .expiry(new Date(0))
                .build();
    }
}
