package io.leakwatch.check;

import io.leakwatch.index.Generation;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Answers for bodies that are the same for every request of a generation, such as a {@code /range}
 * bucket stored finished in the generation file: the validators ({@code ETag}, {@code Last-Modified})
 * are formatted once per generation, {@code If-None-Match} is answered with 304, and a body is written
 * from its slice of the mapped file without being copied in the JVM.
 *
 * <p>Such an endpoint can also answer {@linkplain #routeAhead ahead of Quarkus's own handlers}: the
 * bucket endpoints are called far more often than anything else, and on their way through the regular
 * pipeline (access log, header and filter routes, authorisation, compression negotiation) a request
 * spent more time than on its answer.
 */
@ApplicationScoped
public class FinishedBodies {

    /** Before every route Quarkus adds to the router, the access log included. */
    private static final int AHEAD_OF_QUARKUS = Integer.MIN_VALUE;
    private static final CharSequence VARY = HttpHeaders.createOptimized("Accept-Encoding, Add-Padding");

    private final CharSequence cacheControl;
    private volatile GenerationValidators validators = new GenerationValidators(-1, new Validators[0]);

    public FinishedBodies(IndexConfig config) {
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + config.rangeMaxAge().toSeconds());
    }

    /**
     * Routes {@code path} to {@code handler} before any of Quarkus's handlers run, so that none of them
     * costs anything there. The handler answers the requests it can from finished bodies and passes
     * every other one on with {@link RoutingContext#next()}: those (errors, preflights, other methods)
     * then take the regular way, access log included. What the regular way would add to an answer, the
     * handler adds itself (see {@link io.leakwatch.web.ConfiguredHeaders}).
     */
    public static void routeAhead(Router router, String path, Handler<RoutingContext> handler) {
        router.route(path).order(AHEAD_OF_QUARKUS).handler(handler);
    }

    /** The validators of one hash kind in one generation, formatted once per generation. */
    public Validators validators(Generation generation, HashKind kind) {
        GenerationValidators current = validators;
        if (current.generation != generation.id()) {
            current = GenerationValidators.of(generation);
            validators = current;
        }
        return current.byKind[kind.ordinal()];
    }

    /** Sets the caching headers, and answers 304 when the client already has this generation's body. */
    public boolean notModified(HttpServerRequest request, HttpServerResponse response, Validators validators) {
        response.headers()
                .set(HttpHeaders.ETAG, validators.etag)
                .set(HttpHeaders.LAST_MODIFIED, validators.lastModified)
                .set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.VARY, VARY);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && validators.matches(ifNoneMatch)) {
            response.setStatusCode(304).end();
            return true;
        }
        return false;
    }

    /**
     * Writes {@code body} as it is: a slice of the mapped generation file goes to the socket without a
     * copy in the JVM. Compression stays Vert.x's, when the client asks for it.
     */
    public void send(HttpServerResponse response, CharSequence contentType, ByteBuffer body) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
    }

    /** {@code ETag} and {@code Last-Modified} of one hash kind in one generation. */
    public record Validators(AsciiString etag, AsciiString lastModified) {

        /** If-None-Match uses weak comparison: a listed tag matches with or without its W/ mark. */
        boolean matches(String ifNoneMatch) {
            return etag.contentEquals(ifNoneMatch) || etagMatches(ifNoneMatch, etag.toString());
        }
    }

    /** If-None-Match uses weak comparison: a listed tag matches {@code weakEtag} with or without its W/ mark. */
    static boolean etagMatches(String ifNoneMatch, String weakEtag) {
        String opaque = weakEtag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(weakEtag) || tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private record GenerationValidators(int generation, Validators[] byKind) {
        static GenerationValidators of(Generation generation) {
            AsciiString lastModified = AsciiString.of(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                    .format(generation.publishedAt().atOffset(ZoneOffset.UTC)));
            Validators[] byKind = new Validators[HashKind.values().length];
            for (HashKind kind : HashKind.values()) {
                byKind[kind.ordinal()] = new Validators(
                        AsciiString.of("W/\"lw" + generation.id() + "-" + kind.code() + "\""), lastModified);
            }
            return new GenerationValidators(generation.id(), byKind);
        }
    }
}
