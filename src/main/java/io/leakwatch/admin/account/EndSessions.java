package io.leakwatch.admin.account;

/**
 * Fired (synchronously, inside the transaction) when an admin's sessions must end: the account was
 * disabled, or its password changed. {@code keepSessionId} is the session that made the change, or null.
 */
public record EndSessions(long adminId, Long keepSessionId) {
}
