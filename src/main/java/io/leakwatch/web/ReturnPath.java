package io.leakwatch.web;

import java.util.regex.Pattern;

/**
 * A page of this site to send a person back to. Anything else (another site, a scheme-relative
 * {@code //host}, a backslash some browsers read as a slash, control characters) becomes the home
 * page, so a crafted link cannot turn the language switch into an open redirect.
 */
final class ReturnPath {

    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/%]{0,500}");

    private ReturnPath() {
    }

    static String orHome(String back) {
        return back != null && SAFE.matcher(back).matches() ? back : "/";
    }
}
