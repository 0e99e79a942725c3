package io.leakwatch.admin.token;

import io.quarkus.security.identity.SecurityIdentity;

/** Who an API request comes from: the token's name and its owner (null for the environment's token). */
public record ApiCaller(long tokenId, String tokenName, String ownerUsername) {

    static final String ATTRIBUTE = ApiCaller.class.getName();

    public static ApiCaller of(SecurityIdentity identity) {
        ApiCaller caller = identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("This request was not authenticated by an API token");
        }
        return caller;
    }

    /** How the audit log names this caller. */
    String auditName() {
        return ownerUsername == null
                ? "token \"" + tokenName + "\""
                : ownerUsername + " (token \"" + tokenName + "\")";
    }
}
