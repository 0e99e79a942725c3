package io.leakwatch.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an admin page reports after Post/Redirect/Get: the action's redirect names the notice in the
 * {@code notice} query parameter by its code, and the page shows its sentence, in the reader's language.
 * A code is all the URL carries, so no link can make a page say something else.
 */
public enum AdminNotice {
    ADDED, DISABLED, ENABLED, CHANGED, REVOKED, RETRIED, SIGNED_OUT, PUBLISHING, DISCARDED, CANCELLED, REMOVAL_REQUESTED;

    /** What the {@code notice} parameter says: {@code removal-requested}, say. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The notice a {@code notice} parameter names; none for an unknown or missing one. */
    public static Optional<AdminNotice> ofCode(String code) {
        return Arrays.stream(values()).filter(notice -> notice.code().equals(code)).findFirst();
    }

    /** The path of a page with this notice. */
    public String on(String pagePath) {
        return pagePath + "?notice=" + code();
    }
}
