package io.leakwatch.admin.session;

import io.leakwatch.web.RequestOrigin;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;

import java.util.Date;
import java.util.Optional;

/**
 * The admin area's cookies: HttpOnly, SameSite=Strict, and without Max-Age, so they end with the
 * browser at the latest.
 *
 * <p>Over TLS (directly, or behind a trusted proxy that says so) they are Secure and carry the
 * {@code __Host-} prefix, which makes browsers insist on Secure, {@code Path=/} and no Domain: no other
 * host of the domain and no plain-http page can set or replace them. Over plain HTTP (a developer's
 * {@code http://localhost:8080}, or a LAN address, where a Secure cookie would be dropped) they keep
 * their plain names and {@code Path=/admin}. A request reads only the name its own transport allows, so
 * a cookie planted over plain HTTP never counts on an https request.
 */
public final class SessionCookies {

    /** The session: a random token whose digest identifies an {@link AdminSession}. */
    public static final String SESSION = "leakwatch_admin";
    /** The sign-in form's CSRF token, before any session exists (double-submit). */
    public static final String SIGN_IN_CSRF = "leakwatch_admin_sign_in";
    static final String HOST_PREFIX = "__Host-";
    private static final String PLAIN_HTTP_PATH = "/admin";

    private SessionCookies() {
    }

    /** The name cookie {@code name} has on a request that is {@code secure}. */
    public static String nameFor(String name, boolean secure) {
        return secure ? HOST_PREFIX + name : name;
    }

    /** The value of cookie {@code name} that {@code request} carries under the name its transport allows. */
    public static Optional<String> valueOf(HttpServerRequest request, String name) {
        Cookie cookie = request.getCookie(nameFor(name, RequestOrigin.of(request).secure()));
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    public static NewCookie create(String name, String value, boolean secure) {
        return builder(name, secure).value(value).build();
    }

    public static NewCookie expire(String name, boolean secure) {
        return builder(name, secure).value("").maxAge(0).expiry(new Date(0)).build();
    }

    private static NewCookie.Builder builder(String name, boolean secure) {
        return new NewCookie.Builder(nameFor(name, secure))
                .path(secure ? "/" : PLAIN_HTTP_PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
