package io.leakwatch.check;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.web.RequestOrigin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** How the check protects people, and the range APIs for developers. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PrivacyPagesResource {

    /** A worked example of k-anonymity: an input, its hash, and the part of it that is sent. */
    public record HashExample(String input, String prefix, String rest) {
        static HashExample of(String normalised) {
            String hash = IdentifierHashes.sha1Hex(normalised);
            return new HashExample(normalised, hash.substring(0, PREFIX_LENGTH), hash.substring(PREFIX_LENGTH));
        }
    }

    private static final int PREFIX_LENGTH = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance howItWorks(HashExample example);

        static native TemplateInstance developers(String baseUrl, HashExample example);
    }

    @GET
    @Path("how-it-works")
    public TemplateInstance howItWorks() {
        return Templates.howItWorks(HashExample.of("alice@example.com"));
    }

    @GET
    @Path("developers")
    public TemplateInstance developers(UriInfo uri, @Context HttpServerRequest request) {
        // Behind a TLS proxy the request reaches us over plain HTTP: the scheme is what the client used
        URI base = uri.getBaseUri();
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String scheme = RequestOrigin.of(request).secure() ? "https" : "http";
        return Templates.developers(scheme + "://" + base.getRawAuthority() + path, HashExample.of("password"));
    }
}
