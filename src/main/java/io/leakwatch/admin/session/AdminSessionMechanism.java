package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.web.RequestOrigin;
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

import java.util.Optional;
import java.util.Set;

/**
 * Authenticates admin pages by the session cookie. Quarkus's built-in form authentication keeps the
 * whole session in an encrypted cookie, which cannot have an absolute timeout nor be ended on the
 * server (sign-out, a disabled admin); this mechanism looks the session up in the database instead.
 * Anonymous visitors of a protected page are sent to the sign-in page with a 303.
 */
@ApplicationScoped
public class AdminSessionMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Optional<String> session = SessionCookies.valueOf(context.request(), SessionCookies.SESSION);
        if (session.isEmpty() || !AdminPaths.isPage(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(new AdminSessionRequest(session.get()), context);
        // An ended or unknown session is simply no session: the page then asks for sign-in.
        return identityProviderManager.authenticate(request)
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!AdminPaths.isPage(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(new ChallengeData(303, HttpHeaderNames.LOCATION, AdminPaths.SIGN_IN));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(AdminSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                SessionCookies.nameFor(SessionCookies.SESSION, RequestOrigin.of(context.request()).secure())));
    }
}
