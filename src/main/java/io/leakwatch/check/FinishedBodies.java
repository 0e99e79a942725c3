package io.leakwatch.check;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.Generation;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.oprf.OprfBuckets;
import io.leakwatch.web.ConfiguredHeaders;
import io.leakwatch.web.RequestOriginFilter;
import io.leakwatch.web.TrustedProxies;
import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Answers for bodies that are the same for every request of a generation, such as a {@code /range}
 * bucket stored finished in the generation file or an OPRF bucket in the bodies file: the validators
 * ({@code ETag}, {@code Last-Modified}) are formatted once per generation (for OPRF buckets, once per
 * generation, key and listing of names), {@code If-None-Match} is answered with 304, and a body is
 * written from its slice of the mapped file without being copied in the JVM.
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
    /** OPRF buckets are never padded. */
    private static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
    private static final CharSequence STRICT_TRANSPORT_SECURITY = HttpHeaders.createOptimized("Strict-Transport-Security");
    private static final CharSequence HSTS_VALUE = HttpHeaders.createOptimized(RequestOriginFilter.STRICT_TRANSPORT_SECURITY);

    private static final Logger LOG = Logger.getLogger(FinishedBodies.class);
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    private final CharSequence cacheControl;
    private final GzipBodies gzipBodies;
    private final ConfiguredHeaders configuredHeaders;
    private final TrustedProxies trustedProxies;
    private volatile GenerationValidators validators = new GenerationValidators(-1, new Validators[0]);
    private volatile OprfValidators oprfValidators;

    public FinishedBodies(IndexConfig config, ConfiguredHeaders configuredHeaders, TrustedProxies trustedProxies, GzipBodies gzipBodies) {
        this.gzipBodies = gzipBodies;
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + config.rangeMaxAge().toSeconds());
        this.configuredHeaders = configuredHeaders;
        this.trustedProxies = trustedProxies;
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

    /**
     * What the regular way adds to an answer of {@code path} (any path of the endpoint, for its
     * configured headers), for a handler {@linkplain #routeAhead routed ahead}: worked out once.
     */
    public AheadHeaders aheadHeaders(String path) {
        return new AheadHeaders(configuredHeaders.forRequest(path, HttpMethod.GET), configuredHeaders.forRequest(path, HttpMethod.HEAD),
                trustedProxies);
    }

    /**
     * The configured headers of a GET or HEAD, {@code Access-Control-Allow-Origin: *} (the bucket
     * endpoints are for any origin) and HSTS when the request reached us over TLS, as
     * {@link RequestOriginFilter} would add it.
     */
    public record AheadHeaders(ConfiguredHeaders.HeaderValues get, ConfiguredHeaders.HeaderValues head, TrustedProxies trustedProxies) {
        public void addTo(HttpServerRequest request, HttpServerResponse response) {
            (request.method() == HttpMethod.HEAD ? head : get).addTo(response.headers());
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN);
            if (trustedProxies.reachedOverTls(request)) {
                response.putHeader(STRICT_TRANSPORT_SECURITY, HSTS_VALUE);
            }
        }
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

    /**
     * The validators of the OPRF buckets {@code served} answers with for {@code listing}, the names
     * that may be listed now: formatted once per generation, key and listing. The listing is the one
     * in effect, not necessarily the one the bodies file was rendered for: until that file is rendered
     * again, bodies are rendered per request for the new names, and a client holding a body of the old
     * names must not be told it is still current.
     */
    public Validators validators(OprfBuckets.Served served, AccountSearchNames.Listing listing) {
        OprfValidators current = oprfValidators;
        if (current == null || current.served != served || current.listing != listing) {
            current = new OprfValidators(served, listing, new Validators(AsciiString.of(served.etag(listing)), null, VARY_ENCODING));
            oprfValidators = current;
        }
        return current.validators;
    }

    /** Sets the caching headers, and answers 304 when the client already has this generation's body. */
    public boolean notModified(HttpServerRequest request, HttpServerResponse response, Validators validators) {
        response.headers()
                .set(HttpHeaders.ETAG, validators.etag)
                .set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.VARY, validators.vary);
        if (validators.lastModified != null) {
            response.headers().set(HttpHeaders.LAST_MODIFIED, validators.lastModified);
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && validators.matches(ifNoneMatch)) {
            response.setStatusCode(304).end();
            return true;
        }
        return false;
    }

    /**
     * Writes {@code body} as it is: a slice of the mapped generation file goes to the socket without a
     * copy in the JVM. A GET whose client prefers gzip gets it compressed on a {@link GzipBodies} thread
     * rather than by Vert.x on the event loop, which serves every connection; other codings stay Vert.x's.
     */
    public void send(HttpServerRequest request, HttpServerResponse response, CharSequence contentType, ByteBuffer body) {
        ok(request, response, contentType, body.remaining());
        if (request.method() == HttpMethod.GET && GzipBodies.preferred(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            gzipBodies.compress(body).onComplete(compressed -> {
                if (response.closed()) {
                    return;
                }
                if (compressed.succeeded()) {
                    response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP).end(Buffer.buffer(Unpooled.wrappedBuffer(compressed.result())));
                } else {
                    LOG.warnf("Gzip of a body failed (%s); sent uncompressed", compressed.cause().getClass().getSimpleName());
                    response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
                }
            });
            return;
        }
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
    }

    /** A HEAD's answer says the length of the body a GET would get, as nginx's does; Vert.x leaves it out. */
    private static HttpServerResponse ok(HttpServerRequest request, HttpServerResponse response, CharSequence contentType, int length) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(length));
        }
        return response;
    }

    /**
     * {@code ETag}, {@code Last-Modified} (null when the answer has none) and the request headers the
     * body varies with, of one kind of body in one generation.
     */
    public record Validators(AsciiString etag, AsciiString lastModified, CharSequence vary) {

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

    private record OprfValidators(OprfBuckets.Served served, AccountSearchNames.Listing listing, Validators validators) {
    }

    private record GenerationValidators(int generation, Validators[] byKind) {
        static GenerationValidators of(Generation generation) {
            AsciiString lastModified = AsciiString.of(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                    .format(generation.publishedAt().atOffset(ZoneOffset.UTC)));
            Validators[] byKind = new Validators[HashKind.values().length];
            for (HashKind kind : HashKind.values()) {
                byKind[kind.ordinal()] = new Validators(
                        AsciiString.of("W/\"lw" + generation.id() + "-" + kind.code() + "\""), lastModified, VARY);
            }
            return new GenerationValidators(generation.id(), byKind);
        }
    }
}
