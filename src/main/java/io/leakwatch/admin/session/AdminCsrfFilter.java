package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.SecretToken;
import io.leakwatch.web.FormBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jboss.resteasy.reactive.server.WithFormRead;

import java.util.Set;

/**
 * CSRF protection of every state-changing request to the admin pages (synchronizer token): the form
 * must carry, in its {@value #FIELD} field (or a script's request in its {@value #HEADER} header), the token of the session it was sent with. The sign-in
 * form, which comes before any session, carries the token of the sign-in cookie instead
 * (double-submit). Both cookies are SameSite=Strict, so a cross-site form post carries neither.
 *
 * <p>Which requests: every unsafe method on an endpoint of the admin feature or under {@code /admin}.
 * Requests authenticated by an API token are not checked: browsers never send a bearer token by
 * themselves.
 */
public class AdminCsrfFilter {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Logger LOG = Logger.getLogger(AdminCsrfFilter.class);
    private static final String ADMIN_PACKAGE = "io.leakwatch.admin";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SecurityIdentity identity;

    public AdminCsrfFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    @WithFormRead
    public void requireToken(ContainerRequestContext request, SimpleResourceInfo resource, RoutingContext routing) {
        String path = routing.normalizedPath();
        boolean adminEndpoint = resource.getResourceClass().getPackageName().startsWith(ADMIN_PACKAGE) || AdminPaths.isPage(path);
        if (SAFE_METHODS.contains(request.getMethod()) || !adminEndpoint) {
            return;
        }
        String expected;
        if (path.equals(AdminPaths.SIGN_IN)) {
            expected = SessionCookies.valueOf(routing.request(), SessionCookies.SIGN_IN_CSRF).orElse(null);
        } else if (identity.isAnonymous()) {
            expected = null;
        } else if (identity.getAttribute(AdminRole.BEARER_TOKEN_ATTRIBUTE) != null) {
            return;
        } else {
            SignedInAdmin admin = identity.getAttribute(SignedInAdmin.ATTRIBUTE);
            expected = admin == null ? null : admin.csrfToken();
        }
        // A form carries the token in a field; a script sending a file as the body, in a header (which
        // a cross-site form cannot set).
        String presented = FormBodies.isForm(request) ? FormBodies.field(FIELD) : request.getHeaderString(HEADER);
        if (!SecretToken.equal(expected, presented)) {
            LOG.info("Refused an admin form without a valid CSRF token");
            throw new ForbiddenException();
        }
    }
}
