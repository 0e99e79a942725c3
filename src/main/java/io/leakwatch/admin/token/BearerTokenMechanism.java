package io.leakwatch.admin.token;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.web.ApiProblem;
import io.leakwatch.web.ClientAddress;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Authenticates the admin API ({@code /api/admin}) by {@code Authorization: Bearer <token>}. */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"leakwatch-admin\"";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !AdminPaths.isApi(context.normalizedPath())
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(SCHEME.length()).strip();
        String request = context.request().method().name() + " " + context.normalizedPath();
        AuthenticationRequest authentication = HttpSecurityUtils.setRoutingContextAttribute(
                new BearerTokenRequest(token, request, ClientAddress.of(context.request())), context);
        // An invalid token leaves the request anonymous, and the API answers 401.
        return identityProviderManager.authenticate(authentication)
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!AdminPaths.isApi(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    /** The challenge with a body: the API's errors are problem details, this one too. */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!AdminPaths.isApi(context.normalizedPath())) {
            return Uni.createFrom().item(false);
        }
        context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE);
        ApiProblem.end(context, 401, "Send a valid API token: Authorization: Bearer <token>.");
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
