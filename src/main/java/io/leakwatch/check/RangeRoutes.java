package io.leakwatch.check;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.RangeBody;
import io.leakwatch.index.ServedIndex;
import io.leakwatch.web.ApiProblem;
import io.quarkus.vertx.web.Route;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The k-anonymity range APIs. {@code /range/{prefix}} follows the Pwned Passwords wire contract to
 * the letter so existing clients can point at Leakwatch; {@code /api/v1/range/search/{prefix}} is the
 * breached-account range search that Mozilla Monitor consumes, serving email entries only and only
 * when an operator turns it on ({@code leakwatch.index.account-search-emails}): its buckets are
 * unsalted hashes, so phone numbers, ID numbers and usernames, whose values can all be tried, are
 * checked through the oblivious check ({@link OprfRoutes}) alone.
 *
 * <p>Reactive routes on the event loop: each request is one positional read of one bucket from the
 * served generation file and a body written straight from it. A well-formed password range request
 * is answered {@linkplain FinishedBodies#routeAhead ahead of Quarkus's handlers}; errors, preflights
 * and account searches take the regular way (access log, rate limit).
 */
@ApplicationScoped
public class RangeRoutes {

    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String PASSWORD_RANGE_PATH = "/range/";
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain");
    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    static final String ACCOUNT_SEARCH_OFF = "The unsalted account search is off on this portal: anyone could download its"
            + " buckets and test any list of identifiers against them. Check an account with the oblivious check,"
            + " POST /api/v1/oprf/check (see /developers).";

    private final ServedIndex servedIndex;
    private final AccountSearchNames accountSearchNames;
    private final FinishedBodies finishedBodies;
    private final RangeMetrics metrics;
    private final FinishedBodies.AheadHeaders aheadHeaders;
    private final boolean accountSearchEmails;

    public RangeRoutes(ServedIndex servedIndex, AccountSearchNames accountSearchNames, FinishedBodies finishedBodies,
                       RangeMetrics metrics, IndexConfig config) {
        this.servedIndex = servedIndex;
        this.accountSearchEmails = config.accountSearchEmails();
        this.accountSearchNames = accountSearchNames;
        this.finishedBodies = finishedBodies;
        this.metrics = metrics;
        this.aheadHeaders = finishedBodies.aheadHeaders(PASSWORD_RANGE_PATH + "00000");
    }

    void routePasswordRangesAhead(@Observes Router router) {
        FinishedBodies.routeAhead(router, PASSWORD_RANGE_PATH + "*", this::passwordRangeAhead);
    }

    /**
     * The way nearly every {@code /range} request takes: a well-formed GET or HEAD of a served
     * generation is answered here, counted in {@link RangeMetrics} and not written to the access log.
     * Anything else goes on to {@link #passwordRange}, the regular way.
     */
    void passwordRangeAhead(RoutingContext context) {
        HttpServerRequest request = context.request();
        int prefix = aheadBucket(request, PASSWORD_RANGE_PATH);
        ServedIndex.Snapshot snapshot = servedIndex.snapshot();
        HashKind kind = prefix < 0 ? null : passwordKind(request);
        if (kind == null || snapshot == null) {
            context.next();
            return;
        }
        aheadHeaders.addTo(request, context.response());
        answerPasswordRange(context, snapshot, kind, prefix);
    }

    /**
     * The bucket a GET or HEAD of {@code base} followed by five hex digits asks for, as a handler
     * routed ahead reads it; -1 for any other request (which then takes the regular way).
     */
    static int aheadBucket(HttpServerRequest request, String base) {
        HttpMethod method = request.method();
        String path = request.path();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path.length() != base.length() + HashKind.PREFIX_HEX_LENGTH
                || !isHexAt(path, base.length(), HashKind.PREFIX_HEX_LENGTH)) {
            return -1;
        }
        return parseHex(path, base.length());
    }

    @Route(regex = "/range/([^/]*)")
    void passwordRange(RoutingContext context) {
        if (!acceptMethod(context)) {
            return;
        }
        String prefix = context.pathParam("param0");
        if (!isHex(prefix, HashKind.PREFIX_HEX_LENGTH)) {
            badRequest(context, "The hash prefix must be exactly 5 hexadecimal characters.");
            return;
        }
        HashKind kind = passwordKind(context.request());
        if (kind == null) {
            badRequest(context, "The mode must be sha1 or ntlm.");
            return;
        }
        ServedIndex.Snapshot snapshot = servedIndex.snapshot();
        if (snapshot == null) {
            notReady(context);
            return;
        }
        answerPasswordRange(context, snapshot, kind, parseHex(prefix, 0));
    }

    private void answerPasswordRange(RoutingContext context, ServedIndex.Snapshot snapshot, HashKind kind, int prefix) {
        HttpServerResponse response = context.response();
        if (finishedBodies.notModified(context.request(), response, finishedBodies.validators(snapshot.generation(), kind))) {
            metrics.notModified(kind);
            return;
        }
        ByteBuffer body = snapshot.file(kind).bucket(prefix);
        if (wantsPadding(context)) {
            byte[] unpadded = new byte[body.remaining()];
            body.get(unpadded);
            RandomGenerator random = ThreadLocalRandom.current();
            int padding = RangeBody.paddingFor(RangeBody.passwordBodyEntries(unpadded), random);
            body = ByteBuffer.wrap(RangeBody.padPasswordBody(kind, unpadded, padding, random));
        }
        finishedBodies.send(context.request(), response, TEXT_PLAIN, body);
        metrics.served(kind);
    }

    /** SHA-1 unless {@code ?mode=} says otherwise; null for an unknown mode. */
    private static HashKind passwordKind(HttpServerRequest request) {
        String mode = request.query() == null ? null : request.getParam("mode");
        if (mode == null || mode.equalsIgnoreCase("sha1")) {
            return HashKind.PASSWORD_SHA1;
        }
        return mode.equalsIgnoreCase("ntlm") ? HashKind.PASSWORD_NTLM : null;
    }

    @Route(regex = "/api/v1/range/search/([^/]*)")
    void accountRange(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!acceptMethod(context)) {
            return;
        }
        if (!accountSearchEmails) {
            ApiProblem.end(context, 404, ACCOUNT_SEARCH_OFF);
            return;
        }
        String prefix = context.pathParam("param0");
        if (!isHex(prefix, 5) && !isHex(prefix, 6)) {
            badRequest(context, "The hash prefix must be 5 (or 6) hexadecimal characters.");
            return;
        }
        ServedIndex.Snapshot snapshot = servedIndex.snapshot();
        if (snapshot == null) {
            notReady(context);
            return;
        }
        if (finishedBodies.notModified(context.request(), response,
                finishedBodies.validators(snapshot.generation(), HashKind.ACCOUNT))) {
            return;
        }
        int bucketPrefix = parseHex(prefix, 0);
        Character sixth = prefix.length() == 6 ? prefix.charAt(5) : null;
        ByteBuffer bucket = snapshot.file(HashKind.ACCOUNT).bucket(bucketPrefix);
        byte[] body = RangeBody.accountBody(bucketPrefix, sixth, bucket, accountSearchNames::nameOf, wantsPadding(context),
                ThreadLocalRandom.current());
        finishedBodies.send(context.request(), response, APPLICATION_JSON, ByteBuffer.wrap(body));
    }

    /** GET and HEAD go on; OPTIONS is a CORS preflight; anything else is refused. */
    static boolean acceptMethod(RoutingContext context) {
        HttpServerResponse response = context.response();
        HttpMethod method = context.request().method();
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return true;
        }
        if (method == HttpMethod.OPTIONS) {
            preflight(response, ALLOWED_METHODS, "Add-Padding");
            return false;
        }
        response.putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
        ApiProblem.end(context, 405, "Only GET, HEAD and OPTIONS are allowed.");
        return false;
    }

    /** Answers a CORS preflight: any origin may use {@code methods} with {@code headers}. */
    static void preflight(HttpServerResponse response, String methods, String headers) {
        response.setStatusCode(204)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
                .putHeader(HttpHeaders.ALLOW, methods)
                .end();
    }

    private static boolean wantsPadding(RoutingContext context) {
        return "true".equalsIgnoreCase(context.request().getHeader("Add-Padding"));
    }

    /** The reason as a line of text on {@code /range}, as problem details under {@code /api}. */
    static void badRequest(RoutingContext context, String reason) {
        ApiProblem.end(context, 400, reason);
    }

    static void notReady(RoutingContext context) {
        context.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        ApiProblem.end(context, 503, "The index is loading; try again shortly.");
    }

    static boolean isHex(String value, int length) {
        return value != null && value.length() == length && isHexAt(value, 0, length);
    }

    /** ASCII hex only: Character.digit would also take full-width and other Unicode digits. */
    private static boolean isHexAt(String value, int from, int length) {
        for (int i = from; i < from + length; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** The bucket of the five hex digits at {@code from} (checked by {@link #isHexAt} first). */
    static int parseHex(String value, int from) {
        int prefix = 0;
        for (int i = from; i < from + HashKind.PREFIX_HEX_LENGTH; i++) {
            prefix = (prefix << 4) | Character.digit(value.charAt(i), 16);
        }
        return prefix;
    }
}
