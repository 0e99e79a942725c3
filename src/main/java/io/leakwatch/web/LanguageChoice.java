package io.leakwatch.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The language a request is answered in: the one the person picked with the language switch
 * (remembered in a cookie), else the best match for their browser's {@code Accept-Language}.
 */
public final class LanguageChoice {

    /** Holds a language code and nothing else; not a tracking cookie. */
    public static final String COOKIE = "leakwatch_lang";

    private LanguageChoice() {
    }

    public static Language of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        return of(chosen == null ? null : chosen.getValue(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** @param cookieValue the cookie's value, or null; an unknown value is ignored */
    public static Language of(String cookieValue, String acceptLanguage) {
        return Language.ofCode(cookieValue == null ? "" : cookieValue)
                .orElseGet(() -> Language.preferredBy(acceptLanguage));
    }
}
