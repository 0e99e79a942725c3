package io.leakwatch.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * An error of the APIs under {@code /api} as RFC 9457 problem details ({@code application/problem+json}):
 * {@code type} (always {@code about:blank}: the status says what kind of problem it is), {@code title}
 * (the status's reason phrase), {@code status} and {@code detail}, a sentence an operator can act on.
 * One shape whoever answers: a resource, an exception mapper, a route filter or a reactive route. Paths
 * outside {@code /api} (the Pwned Passwords {@code /range}, the admin page's upload script) keep their
 * one line of text.
 */
public record ApiProblem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static ApiProblem of(int status, String detail) {
        return new ApiProblem("about:blank", HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail);
    }

    /** Whether errors of {@code path} are problem details. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    public String json() {
        return new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail).encode();
    }

    /** The problem as a JAX-RS response. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(json()).build();
    }

    /**
     * Ends a request answered outside the REST layer with {@code status}: problem details under
     * {@code /api}, else {@code detail} as a line of text. Headers the caller set (Retry-After, Allow) stay.
     */
    public static void end(RoutingContext context, int status, String detail) {
        if (isApi(context.normalizedPath())) {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(of(status, detail).json());
        } else {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(detail);
        }
    }
}
