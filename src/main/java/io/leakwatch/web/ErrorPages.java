package io.leakwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * Renders every error a REST endpoint raises as a plain page in the site's layout. The response
 * never carries a stack trace, exception message or class name; unexpected failures are logged with
 * a reference that the page shows, so support can find them.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorPage page);
    }

    @ServerExceptionMapper
    public Response mapHttpError(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uri);
        }
        return respond(ErrorPage.forStatus(status), uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception exception, UriInfo uri) {
        return unexpected(exception, uri);
    }

    private Response unexpected(Exception exception, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        ErrorPage generic = ErrorPage.forStatus(500);
        return respond(new ErrorPage(500, generic.title(), generic.explanation() + " Reference: " + reference), uri);
    }

    /** API clients get the status and a one-line reason; people get a page. */
    private static Response respond(ErrorPage page, UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(page.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(page.title()).build();
        }
        return Response.status(page.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(page).render())
                .build();
    }
}
