package io.leakwatch.web;

import jakarta.ws.rs.core.NewCookie;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of the public forms, where there is no session (double-submit cookie): the page
 * with the form sets a random token in the cookie {@value #COOKIE} and in the form's {@value #FIELD}
 * field; {@link PublicFormCsrfFilter} refuses a POST to a method marked {@link Protected} unless both
 * are present and equal. A cross-site page can make a browser post the form, but it can neither read
 * nor set the cookie (SameSite=Strict, HttpOnly), so it cannot send a matching field. The admin pages
 * keep their own, session-bound tokens (admin/session/AdminCsrfFilter).
 */
public final class PublicFormCsrf {

    public static final String COOKIE = "leakwatch_form";
    /**
     * The cookie goes only to the pages with such forms (the subscription form, {@code /notify}), not
     * along with every range query and page.
     */
    public static final String PATH = "/notify";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PublicFormCsrf() {
    }

    /** Marks a resource method whose form must carry the double-submitted token. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Protected {
    }

    /** The token a form page uses: the browser's current one, or a new one of 256 random bits. */
    public static String tokenFor(String cookieValue) {
        if (isWellFormed(cookieValue)) {
            return cookieValue;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The cookie that carries {@code token}; it lasts as long as the browser session. */
    public static NewCookie cookie(String token, boolean overTls) {
        return new NewCookie.Builder(COOKIE)
                .value(token)
                .path(PATH)
                .httpOnly(true)
                .secure(overTls)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** Whether the form's field matches the cookie, compared in constant time. */
    static boolean matches(String cookieValue, String fieldValue) {
        return isWellFormed(cookieValue) && fieldValue != null
                && MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.US_ASCII), fieldValue.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}
