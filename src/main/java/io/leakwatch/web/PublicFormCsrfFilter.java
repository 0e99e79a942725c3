package io.leakwatch.web;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

/** Enforces {@link PublicFormCsrf} on resource methods marked {@link PublicFormCsrf.Protected}: 403 without a matching token. */
public class PublicFormCsrfFilter {

    private static final Logger LOG = Logger.getLogger(PublicFormCsrfFilter.class);

    @ServerRequestFilter
    @WithFormRead
    public void requireToken(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(PublicFormCsrf.Protected.class)) {
            return;
        }
        Cookie cookie = request.getCookies().get(PublicFormCsrf.COOKIE);
        String presented = FormBodies.isForm(request) ? FormBodies.field(PublicFormCsrf.FIELD) : null;
        if (!PublicFormCsrf.matches(cookie == null ? null : cookie.getValue(), presented)) {
            LOG.info("Refused a public form without a valid CSRF token");
            throw new ForbiddenException();
        }
    }
}
