package io.leakwatch.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/** What the CSRF filters (public forms, admin forms) read of a request's form body. */
public final class FormBodies {

    private FormBodies() {
    }

    /** Whether the body is a form; an empty or malformed {@code Content-Type} is not one (and no failure). */
    public static boolean isForm(ContainerRequestContext request) {
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unparsable) { // "Content-Type: " with nothing after it
            return false;
        }
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type));
    }

    /** A field of the form body already read ({@code @WithFormRead}), if it is text. */
    public static String field(String name) {
        Object value = CurrentRequestManager.get().getFormParameter(name, true, false);
        return value instanceof String text ? text : null;
    }
}
