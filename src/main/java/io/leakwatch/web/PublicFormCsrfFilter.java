package io.leakwatch.web;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

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
        String presented = isForm(request) ? formField() : null;
        if (!PublicFormCsrf.matches(cookie == null ? null : cookie.getValue(), presented)) {
            LOG.info("Refused a public form without a valid CSRF token");
            throw new ForbiddenException();
        }
    }

    private static boolean isForm(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unparsable) { // "Content-Type: " with nothing after it: not a form
            return false;
        }
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type));
    }

    private static String formField() {
        Object value = CurrentRequestManager.get().getFormParameter(PublicFormCsrf.FIELD, true, false);
        return value instanceof String text ? text : null;
    }
}
