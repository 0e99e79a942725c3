package io.leakwatch.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
import java.util.stream.Collectors;

/**
 * Renders every error a REST endpoint raises as a plain page in the site's layout, in the reader's
 * language; under {@code /api}, as problem details ({@link ApiProblem}). The response never carries a stack trace, exception message or class name; unexpected
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
        if (exception.getCause() instanceof JsonParseException unreadable) {
            return mapUnreadableJson(unreadable, uri, headers);
        }
        if (ApiProblem.isApi(uri.getPath())) {
            return ApiProblem.of(status, apiDetail(status)).response();
        }
        return respond(status, uri, headers, messages -> ErrorPage.forStatus(status, messages));
    }

    /** A body that is not JSON: where it stopped making sense, never what it held. */
    @ServerExceptionMapper
    public Response mapUnreadableJson(JsonParseException exception, UriInfo uri, HttpHeaders headers) {
        JsonLocation at = exception.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return badBody("The body is not valid JSON" + where + ".", uri, headers);
    }

    /** JSON of the wrong shape: which member, never its value. */
    @ServerExceptionMapper
    public Response mapMismatchedJson(MismatchedInputException exception, UriInfo uri, HttpHeaders headers) {
        String member = exception.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return badBody(member.isEmpty() ? "The body does not have the expected JSON shape."
                : member + ": not a value of the expected type or format.", uri, headers);
    }

    /** Anything else: the sender's mistake that a lower layer threw as a failure gets 400, the rest 500. */
    @ServerExceptionMapper
    public Response mapUnexpected(Exception exception, UriInfo uri, HttpHeaders headers) {
        if (isTextPostgresCannotHold(exception) || isUndecodableForm(exception)) {
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
    private static boolean isUndecodableForm(Exception exception) {
        if (!(exception instanceof IllegalArgumentException)) {
            return false;
        }
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

    private Response unexpected(Exception exception, UriInfo uri, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected failure, reference %s", reference);
        if (ApiProblem.isApi(uri.getPath())) {
            return ApiProblem.of(500, "The portal could not complete the request. Reference: " + reference + ".").response();
        }
        return respond(500, uri, headers, messages -> ErrorPage.failure(reference, messages));
    }

    private static Response badBody(String detail, UriInfo uri, HttpHeaders headers) {
        if (ApiProblem.isApi(uri.getPath())) {
            return ApiProblem.of(400, detail).response();
        }
        return respond(400, uri, headers, messages -> ErrorPage.forStatus(400, messages));
    }

    /** What an API client should do about a status the REST layer itself answered. */
    private static String apiDetail(int status) {
        return switch (status) {
            case 400 -> "The request was not understood.";
            case 401 -> "Send an API token: Authorization: Bearer <token>.";
            case 403 -> "This request is not allowed.";
            case 404 -> "Nothing is at this path; /q/openapi lists the API.";
            case 405 -> "This resource does not take that method; /q/openapi lists those it takes.";
            case 406 -> "This resource answers application/json only.";
            case 415 -> "This resource does not take a body of that Content-Type; see /q/openapi.";
            default -> "The request was refused.";
        };
    }

    /** People get a page in their language. */
    private static Response respond(int status, UriInfo uri, HttpHeaders headers,
                                    Function<SiteMessages, ErrorPage> pageIn) {
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
