package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a session cookie into the identity of the signed-in admin, if the session is still valid. */
@ApplicationScoped
public class AdminSessionIdentityProvider implements IdentityProvider<AdminSessionRequest> {

    private final AdminSessions sessions;

    public AdminSessionIdentityProvider(AdminSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<AdminSessionRequest> getRequestType() {
        return AdminSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(AdminSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resume(request.token())
                .map(AdminSessionIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(SignedInAdmin admin) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(admin.username()))
                .addRole(AdminRole.ADMIN)
                .addAttribute(SignedInAdmin.ATTRIBUTE, admin)
                .build();
    }
}
