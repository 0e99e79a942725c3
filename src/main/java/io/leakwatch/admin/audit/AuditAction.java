package io.leakwatch.admin.audit;

import java.util.Optional;

/** What an audit event records; {@link #code()} is what the database keeps. */
public enum AuditAction {
    SIGN_IN_SUCCEEDED("sign-in.succeeded", "Signed in"),
    SIGN_IN_FAILED("sign-in.failed", "Sign-in failed"),
    SIGN_IN_THROTTLED("sign-in.throttled", "Sign-in refused: too many attempts"),
    SIGNED_OUT("sign-out", "Signed out"),
    ADMIN_CREATED("admin.created", "Added an admin"),
    ADMIN_DISABLED("admin.disabled", "Disabled an admin"),
    ADMIN_ENABLED("admin.enabled", "Enabled an admin"),
    PASSWORD_CHANGED("password.changed", "Changed their password"),
    PASSWORD_CHANGE_REFUSED("password.change-refused", "Password change refused: wrong current password"),
    TOKEN_CREATED("token.created", "Created an API token"),
    TOKEN_REVOKED("token.revoked", "Revoked an API token"),
    TOKEN_USED("token.used", "Used an API token"),
    TOKEN_REJECTED("token.rejected", "API request with an unknown or revoked token"),
    BREACH_CREATED("breach.created", "Created a breach"),
    BREACH_REMOVAL_REQUESTED("breach.removal-requested", "Asked to remove a breach from the index"),
    BREACH_REMOVED("breach.removed", "Removed a breach from the index"),
    UPLOAD_RECEIVED("upload.received", "Uploaded a breach file"),
    UPLOAD_REFUSED("upload.refused", "Upload refused"),
    UPLOAD_STAGED("upload.staged", "Upload staged"),
    UPLOAD_FAILED("upload.failed", "Upload failed"),
    UPLOAD_CANCELLED("upload.cancelled", "Cancelled an upload"),
    UPLOAD_DISCARDED("upload.discarded", "Discarded a staged upload"),
    UPLOAD_PUBLISH_REQUESTED("upload.publish-requested", "Asked to publish an upload"),
    UPLOAD_PUBLISHED("upload.published", "Published an upload in a new generation"),
    NOTIFY_MAILS_RETRIED("notify.mails-retried", "Queued failed notification mails again");

    private final String code;
    private final String description;

    AuditAction(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<AuditAction> ofCode(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    public static String describe(String code) {
        return ofCode(code).map(AuditAction::description).orElse(code);
    }
}
