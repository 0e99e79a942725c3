package io.leakwatch.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Renders every error a REST endpoint raises as a plain page in the site's layout, in the reader's
 * language. The response never carries a stack trace, exception message or class name; unexpected
 * failures are logged with a reference that the page shows, so support can find them.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    /** RESTEasy Reactive's parser of application/x-www-form-urlencoded bodies. */
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorPage page);
    }

    @ServerExceptionMapper
    public Response mapHttpError(WebApplicationException exception, UriInfo uri, HttpHeaders headers) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(exception, uri, headers);
        }
        return respond(status, uri, headers, messages -> ErrorPage.forStatus(status, messages));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception exception, UriInfo uri, HttpHeaders headers) {
        if (isTextPostgresCannotHold(exception)) {
            return respond(400, uri, headers, messages -> ErrorPage.forStatus(400, messages));
        }
        return unexpected(exception, uri, headers);
    }

    /**
     * A NUL character in a field, a query parameter or a path ({@code ?domain=%00}): PostgreSQL's text
     * cannot hold it and refuses the query (SQLSTATE 22021). No name, address or title holds one, so the
     * request is bad, wherever its text was going to be looked up.
     */
    private static boolean isTextPostgresCannotHold(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A form body with a broken percent escape ({@code email=a%F0%}) is the sender's mistake, not a
     * failure: RESTEasy's form parser throws an IllegalArgumentException that quotes the field's value,
     * which the generic mapper would log (an identifier typed into a form) and answer with 500.
     */
    @ServerExceptionMapper
    public Response mapIllegalArgument(IllegalArgumentException exception, UriInfo uri, HttpHeaders headers) {
        if (isUndecodableForm(exception)) {
            return respond(400, uri, headers, messages -> ErrorPage.forStatus(400, messages));
        }
        return unexpected(exception, uri, headers);
    }

    private static boolean isUndecodableForm(IllegalArgumentException exception) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (frame.getClassName().startsWith(FORM_PARSER)) {
                return true;
            }
        }
        return false;
    }

    /** The error page for a request answered outside the REST layer (e.g. by a route filter). */
    static String render(int status, Language language, String path) {
        ErrorPage page = ErrorPage.forStatus(status, language.messages(SiteMessages.class));
        return Templates.error(page).setLocale(language.locale()).setAttribute(PageTemplates.PATH_ATTRIBUTE, path)
                .render();
    }

    /** The reason in one line of English, for API clients. */
    static String plainText(int status) {
        ErrorPage page = ErrorPage.forStatus(status, Language.ENGLISH.messages(SiteMessages.class));
        return page.title() + ". " + page.explanation();
    }

    private Response unexpected(Exception exception, UriInfo uri, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        return respond(500, uri, headers, messages -> ErrorPage.failure(reference, messages));
    }

    /** API clients get the status and a one-line reason in English; people get a page. */
    private static Response respond(int status, UriInfo uri, HttpHeaders headers,
                                    Function<SiteMessages, ErrorPage> pageIn) {
        if (uri.getPath().startsWith("/api/")) {
            ErrorPage page = pageIn.apply(Language.ENGLISH.messages(SiteMessages.class));
            return Response.status(page.status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(page.title()).build();
        }
        var cookie = headers.getCookies().get(LanguageChoice.COOKIE);
        Language language = LanguageChoice.of(cookie == null ? null : cookie.getValue(),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        ErrorPage page = pageIn.apply(language.messages(SiteMessages.class));
        return Response.status(page.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(page).render())
                .build();
    }
}
