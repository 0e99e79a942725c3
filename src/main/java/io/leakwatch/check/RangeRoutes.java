package io.leakwatch.check;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.RangeBody;
import io.leakwatch.index.ServedIndex;
import io.leakwatch.web.ApiProblem;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.web.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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
 * served generation file and a body written straight from it.
 */
@ApplicationScoped
public class RangeRoutes {

    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    static final String ACCOUNT_SEARCH_OFF = "The unsalted account search is off on this portal: anyone could download its"
            + " buckets and test any list of identifiers against them. Check an account with the oblivious check,"
            + " POST /api/v1/oprf/check (see /developers).";

    private final ServedIndex servedIndex;
    private final AccountSearchNames accountSearchNames;
    private final String cacheControl;
    private final boolean accountSearchEmails;

    public RangeRoutes(ServedIndex servedIndex, AccountSearchNames accountSearchNames, IndexConfig config) {
        this.servedIndex = servedIndex;
        this.accountSearchNames = accountSearchNames;
        this.cacheControl = "public, max-age=" + config.rangeMaxAge().toSeconds();
        this.accountSearchEmails = config.accountSearchEmails();
    }

    @Route(regex = "/range/([^/]*)")
    void passwordRange(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!acceptMethod(context)) {
            return;
        }
        String prefix = context.pathParam("param0");
        if (!isHex(prefix, 5)) {
            badRequest(context, "The hash prefix must be exactly 5 hexadecimal characters.");
            return;
        }
        String mode = context.request().getParam("mode");
        HashKind kind;
        if (mode == null || mode.equalsIgnoreCase("sha1")) {
            kind = HashKind.PASSWORD_SHA1;
        } else if (mode.equalsIgnoreCase("ntlm")) {
            kind = HashKind.PASSWORD_NTLM;
        } else {
            badRequest(context, "The mode must be sha1 or ntlm.");
            return;
        }
        ServedIndex.Snapshot snapshot = servedIndex.snapshot();
        if (snapshot == null) {
            notReady(context);
            return;
        }
        if (notModified(context, snapshot, kind)) {
            return;
        }
        ByteBuffer body = snapshot.file(kind).bucket(Integer.parseInt(prefix, 16));
        if (wantsPadding(context)) {
            byte[] unpadded = new byte[body.remaining()];
            body.get(unpadded);
            RandomGenerator random = ThreadLocalRandom.current();
            int padding = RangeBody.paddingFor(RangeBody.passwordBodyEntries(unpadded), random);
            body = ByteBuffer.wrap(RangeBody.padPasswordBody(kind, unpadded, padding, random));
        }
        send(context, "text/plain", body);
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
        if (notModified(context, snapshot, HashKind.ACCOUNT)) {
            return;
        }
        int bucketPrefix = Integer.parseInt(prefix.substring(0, 5), 16);
        Character sixth = prefix.length() == 6 ? prefix.charAt(5) : null;
        ByteBuffer bucket = snapshot.file(HashKind.ACCOUNT).bucket(bucketPrefix);
        byte[] body = RangeBody.accountBody(bucketPrefix, sixth, bucket, accountSearchNames::nameOf, wantsPadding(context),
                ThreadLocalRandom.current());
        send(context, "application/json", ByteBuffer.wrap(body));
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

    /** Sets the validators of this generation, and answers 304 when the client already has it. */
    private boolean notModified(RoutingContext context, ServedIndex.Snapshot snapshot, HashKind kind) {
        String etag = "W/\"lw" + snapshot.generation().id() + "-" + kind.code() + "\"";
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                        .format(snapshot.generation().publishedAt().atOffset(ZoneOffset.UTC)))
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.VARY, "Accept-Encoding, Add-Padding");
        String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            response.setStatusCode(304).end();
            return true;
        }
        return false;
    }

    /** If-None-Match uses weak comparison: a listed tag matches with or without its W/ mark. */
    static boolean matches(String ifNoneMatch, String etag) {
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wantsPadding(RoutingContext context) {
        return "true".equalsIgnoreCase(context.request().getHeader("Add-Padding"));
    }

    /**
     * The body is wrapped, not copied: a stored password body goes from the mapped generation file
     * to the socket as it is.
     */
    static void send(RoutingContext context, String contentType, ByteBuffer body) {
        context.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
    }

    /** The reason as a line of text on {@code /range}, as problem details under {@code /api}. */
    static void badRequest(RoutingContext context, String reason) {
        ApiProblem.end(context, 400, reason);
    }

    static void notReady(RoutingContext context) {
        context.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        ApiProblem.end(context, 503, "The index is loading; try again shortly.");
    }

    /** ASCII hex only: Character.digit would also take full-width and other Unicode digits. */
    static boolean isHex(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
