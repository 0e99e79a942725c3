package io.leakwatch.admin.session;

import io.quarkus.security.identity.SecurityIdentity;

/** The admin behind a request signed in through the pages: attached to its {@link SecurityIdentity}. */
public record SignedInAdmin(long adminId, String username, long sessionId, String csrfToken) {

    static final String ATTRIBUTE = SignedInAdmin.class.getName();

    /** The signed-in admin of {@code identity}; fails for identities that did not come from a session. */
    public static SignedInAdmin of(SecurityIdentity identity) {
        SignedInAdmin admin = identity.getAttribute(ATTRIBUTE);
        if (admin == null) {
            throw new IllegalStateException("This request was not made by a signed-in admin");
        }
        return admin;
    }
}
