package io.leakwatch.admin;

import io.leakwatch.admin.audit.AuditLog;

/** Who asks for an admin action, as the audit log records it: a name and the client address. */
public record Actor(String name, String clientAddress) {

    public static Actor environment() {
        return new Actor(AuditLog.ENVIRONMENT, "");
    }

    public static Actor commandLine() {
        return new Actor(AuditLog.COMMAND_LINE, "");
    }
}
