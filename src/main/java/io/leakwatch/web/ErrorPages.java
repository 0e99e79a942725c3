package io.leakwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    public Response mapHttpError(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception);
        }
        return page(ErrorPage.forStatus(status));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception exception) {
        return unexpected(exception);
    }

    private Response unexpected(Exception exception) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        ErrorPage generic = ErrorPage.forStatus(500);
        return page(new ErrorPage(500, generic.title(), generic.explanation() + " Reference: " + reference));
    }

    private static Response page(ErrorPage page) {
        return Response.status(page.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(page).render())
                .build();
    }
}
