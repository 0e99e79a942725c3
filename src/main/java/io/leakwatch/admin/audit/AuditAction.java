package io.leakwatch.admin.audit;

import java.util.Optional;

/**
 * What an audit event records; {@link #code()} is what the database keeps, and the admin message bundle
 * ({@code auditAction_$NAME}) what the audit page says.
 */
public enum AuditAction {
    SIGN_IN_SUCCEEDED("sign-in.succeeded"),
    SIGN_IN_FAILED("sign-in.failed"),
    SIGN_IN_THROTTLED("sign-in.throttled"),
    SIGNED_OUT("sign-out"),
    ADMIN_CREATED("admin.created"),
    ADMIN_DISABLED("admin.disabled"),
    ADMIN_ENABLED("admin.enabled"),
    PASSWORD_CHANGED("password.changed"),
    PASSWORD_CHANGE_REFUSED("password.change-refused"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked"),
    TOKEN_USED("token.used"),
    TOKEN_REJECTED("token.rejected"),
    BREACH_CREATED("breach.created"),
    BREACH_REMOVAL_REQUESTED("breach.removal-requested"),
    BREACH_REMOVED("breach.removed"),
    UPLOAD_RECEIVED("upload.received"),
    UPLOAD_REFUSED("upload.refused"),
    UPLOAD_STAGED("upload.staged"),
    UPLOAD_FAILED("upload.failed"),
    UPLOAD_CANCELLED("upload.cancelled"),
    UPLOAD_DISCARDED("upload.discarded"),
    UPLOAD_PUBLISH_REQUESTED("upload.publish-requested"),
    UPLOAD_PUBLISHED("upload.published"),
    NOTIFY_MAILS_RETRIED("notify.mails-retried");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditAction> ofCode(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
