package io.leakwatch.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/**
 * The language switch: remembers the chosen language in a cookie and returns to the page it was
 * chosen on. A plain link, so it works without JavaScript.
 */
@Path("/language")
public class LanguageResource {

    private static final int REMEMBERED_FOR = (int) Duration.ofDays(365).toSeconds();

    @GET
    @Path("/{code}")
    public Response choose(@PathParam("code") String code, @QueryParam("back") String back, @Context HttpServerRequest request) {
        Language language = Language.ofCode(code).orElseThrow(NotFoundException::new);
        NewCookie cookie = new NewCookie.Builder(LanguageChoice.COOKIE)
                .value(language.code())
                .path("/")
                .maxAge(REMEMBERED_FOR)
                .sameSite(NewCookie.SameSite.LAX)
                .httpOnly(true)
                .secure(RequestOrigin.of(request).secure())
                .build();
        return Response.seeOther(URI.create(ReturnPath.orHome(back)))
                .cookie(cookie)
                .header("Cache-Control", "no-store")
                .build();
    }
}
