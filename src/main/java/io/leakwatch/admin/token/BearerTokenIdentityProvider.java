package io.leakwatch.admin.token;

import io.leakwatch.admin.AdminRole;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a valid API token into an admin identity. */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<BearerTokenRequest> {

    private final AdminApiTokens tokens;

    public BearerTokenIdentityProvider(AdminApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<BearerTokenRequest> getRequestType() {
        return BearerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.token(), request.request(), request.client())
                .map(BearerTokenIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
    }

    private static SecurityIdentity identity(ApiCaller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.ownerUsername() == null ? caller.tokenName() : caller.ownerUsername()))
                .addRole(AdminRole.ADMIN)
                .addAttribute(ApiCaller.ATTRIBUTE, caller)
                .addAttribute(AdminRole.BEARER_TOKEN_ATTRIBUTE, Boolean.TRUE)
                .build();
    }
}
