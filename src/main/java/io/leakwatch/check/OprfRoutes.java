package io.leakwatch.check;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.oprf.OprfBuckets;
import io.leakwatch.oprf.OprfConfig;
import io.leakwatch.oprf.OprfKeys;
import io.leakwatch.oprf.OprfSuite;
import io.leakwatch.web.ApiProblem;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RateLimitConfig;
import io.leakwatch.web.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.web.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bouncycastle.math.ec.ECPoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oblivious account check (RFC 9497 OPRF, P256-SHA256, over k-anonymity buckets): the browser
 * sends the 5-hex-digit bucket of its identifier's SHA-1 and a blinded element, and gets back the
 * element evaluated under the portal's key with the bucket's entries; it unblinds and matches
 * locally. The server learns the bucket and a uniformly random group element, nothing else.
 *
 * <ul>
 *   <li>{@code GET /api/v1/oprf/buckets/{bucket}}: a bucket's body, a slice of the served generation's
 *   bodies file; free, cacheable, the same for everyone, and like {@code /range} answered
 *   {@linkplain FinishedBodies#routeAhead ahead of Quarkus's handlers} when well-formed (counted in
 *   {@link RangeMetrics}, not in the access log).</li>
 *   <li>{@code POST /api/v1/oprf/check}: an evaluation and the bucket, in one request.</li>
 *   <li>{@code POST /api/v1/oprf/evaluate}: an evaluation alone, for clients that fetch buckets from a
 *   CDN.</li>
 * </ul>
 * Evaluations are what an enumeration has to pay for: each one is limited per client address (IPv6
 * per /64) and in total per node ({@code leakwatch.oprf.*}). Bad input is refused with 400 before
 * anything is evaluated or counted against the limits.
 *
 * <p>Evaluations run on the event loop. One is a point decompression and a scalar multiplication:
 * measured with wrk against the packaged portal, about 0.3 ms of server CPU a request on the event
 * loop and a little more on a worker thread (which adds a hand-over each way), with throughput within
 * the noise of a busy machine (README, Benchmarks). At the default node limit of 6,000 a minute that
 * is a few percent of one core, so evaluations cannot starve the other requests of the event loop.
 */
@ApplicationScoped
public class OprfRoutes {

    /** A check body is about 90 bytes; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 1024;
    private static final String POST_METHODS = "POST, OPTIONS";
    private static final int ELEMENT_BASE64_LENGTH = 44; // 33 bytes, unpadded
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    /** What happened to an evaluation request: the metric's only tag. */
    enum Outcome {
        EVALUATED("evaluated"), INVALID("invalid"), LIMITED_ADDRESS("limited-address"), LIMITED_TOTAL("limited-total"),
        NOT_READY("not-ready");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }
    }

    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final String BUCKETS_PATH = "/api/v1/oprf/buckets/";

    private final OprfBuckets buckets;
    private final FinishedBodies finishedBodies;
    private final FinishedBodies.AheadHeaders aheadHeaders;
    private final RangeMetrics metrics;
    private final OprfKeys keys;
    private final AccountSearchNames names;
    private final RateLimiter limiter;
    private final Limit perAddress;
    private final Limit total;
    private final ObjectReader json;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public OprfRoutes(OprfBuckets buckets, FinishedBodies finishedBodies, RangeMetrics metrics, OprfKeys keys, AccountSearchNames names,
                      RateLimiter limiter, OprfConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.buckets = buckets;
        this.finishedBodies = finishedBodies;
        this.aheadHeaders = finishedBodies.aheadHeaders(BUCKETS_PATH + "00000");
        this.metrics = metrics;
        this.keys = keys;
        this.names = names;
        this.limiter = limiter;
        this.perAddress = new Limit(config.perAddressRequests(), config.perAddressPer());
        this.total = new Limit(config.totalRequests(), config.totalPer());
        this.json = mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("leakwatch.oprf.evaluations")
                    .description("Requests for an OPRF evaluation, by what became of them")
                    .tag("outcome", outcome.tag)
                    .register(registry));
        }
    }

    /** A limit of the oblivious check's own settings, in the shape the rate limiter counts. */
    private record Limit(int requests, Duration per) implements RateLimitConfig.Rule {
        @Override
        public Optional<List<String>> paths() {
            return Optional.empty();
        }
    }

    /** What a valid request asks for. */
    private record Request(int bucket, ECPoint element) {
    }

    /** Why a request is refused, in a sentence for its sender. */
    private static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    void routeBucketsAhead(@Observes Router router) {
        FinishedBodies.routeAhead(router, BUCKETS_PATH + "*", this::bucketAhead);
    }

    /**
     * The way nearly every bucket request takes: a well-formed GET or HEAD while buckets are served is
     * answered here, with what the regular way would add, counted in {@link RangeMetrics} and not
     * written to the access log. Anything else goes on to {@link #bucket}, the regular way.
     */
    void bucketAhead(RoutingContext context) {
        HttpServerRequest request = context.request();
        int bucket = RangeRoutes.aheadBucket(request, BUCKETS_PATH);
        OprfBuckets.Served served = buckets.served();
        if (bucket < 0 || served == null) {
            context.next();
            return;
        }
        aheadHeaders.addTo(request, context.response());
        answerBucket(context, served, bucket);
    }

    @Route(regex = "/api/v1/oprf/buckets/([^/]*)")
    void bucket(RoutingContext context) {
        if (!RangeRoutes.acceptMethod(context)) {
            return;
        }
        String bucket = context.pathParam("param0");
        if (!RangeRoutes.isHex(bucket, 5)) {
            RangeRoutes.badRequest(context, "The bucket must be exactly 5 hexadecimal characters.");
            return;
        }
        OprfBuckets.Served served = buckets.served();
        if (served == null) {
            RangeRoutes.notReady(context);
            return;
        }
        answerBucket(context, served, RangeRoutes.parseHex(bucket, 0));
    }

    /**
     * A bucket's body for the names that may be listed now: its slice of the bodies file when that was
     * rendered for them, else rendered for them (see {@link OprfBuckets.Served#body}), under a
     * validator of those names.
     */
    private void answerBucket(RoutingContext context, OprfBuckets.Served served, int bucket) {
        AccountSearchNames.Listing listing = names.listing();
        HttpServerResponse response = context.response();
        if (finishedBodies.notModified(context.request(), response, finishedBodies.validators(served, listing))) {
            metrics.oprfNotModified();
            return;
        }
        finishedBodies.send(context.request(), response, APPLICATION_JSON, served.body(bucket, listing));
        metrics.oprfServed();
    }

    @Route(path = "/api/v1/oprf/check", methods = {Route.HttpMethod.POST, Route.HttpMethod.OPTIONS})
    void check(RoutingContext context) {
        evaluate(context, true);
    }

    @Route(path = "/api/v1/oprf/evaluate", methods = {Route.HttpMethod.POST, Route.HttpMethod.OPTIONS})
    void evaluateOnly(RoutingContext context) {
        evaluate(context, false);
    }

    private void evaluate(RoutingContext context, boolean withBucket) {
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (context.request().method() == HttpMethod.OPTIONS) {
            RangeRoutes.preflight(response, POST_METHODS, "Content-Type");
            return;
        }
        Request request;
        try {
            request = parse(context.body().buffer(), withBucket);
        } catch (Refusal refusal) {
            count(Outcome.INVALID);
            RangeRoutes.badRequest(context, refusal.getMessage());
            return;
        }
        OprfBuckets.Served served = withBucket ? buckets.served() : null;
        if (withBucket && served == null) {
            count(Outcome.NOT_READY);
            RangeRoutes.notReady(context);
            return;
        }
        String client = ClientAddress.of(context.request()).countingKey();
        Optional<Duration> wait = limiter.tryAcquire("oprf-per-address", perAddress, client);
        if (wait.isPresent()) {
            count(Outcome.LIMITED_ADDRESS);
            tooMany(context, wait.get(), "Too many checks from your network; try again in ");
            return;
        }
        wait = limiter.tryAcquire("oprf-total", total, "node");
        if (wait.isPresent()) {
            count(Outcome.LIMITED_TOTAL);
            tooMany(context, wait.get(), "The portal is answering as many checks as it can; try again in ");
            return;
        }
        byte[] evaluated = keys.key().blindEvaluate(request.element());
        count(Outcome.EVALUATED);
        String head = "{\"keyId\":\"" + keys.key().id() + "\",\"evaluated\":\"" + BASE64URL.encodeToString(evaluated) + "\"";
        Buffer body;
        if (withBucket) {
            ByteBuffer bucket = served.body(request.bucket(), names.listing());
            body = Buffer.buffer(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer((head + ",\"bucket\":").getBytes(StandardCharsets.US_ASCII)),
                    Unpooled.wrappedBuffer(bucket), Unpooled.wrappedBuffer(new byte[] {'}'})));
        } else {
            body = Buffer.buffer(head + "}");
        }
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }

    /** Reads and checks a request body; nothing in it is evaluated before all of it has passed. */
    private Request parse(Buffer body, boolean withBucket) throws Refusal {
        if (body == null || body.length() == 0) {
            throw new Refusal("The body must be a JSON object.");
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new Refusal("The body must be at most " + MAX_BODY_BYTES + " bytes.");
        }
        JsonNode node;
        try {
            node = json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new Refusal("The body must be a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw new Refusal("The body must be a JSON object.");
        }
        Set<String> members = withBucket ? Set.of("bucket", "element") : Set.of("element");
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            if (!members.contains(fields.next())) {
                throw new Refusal(withBucket ? "The body may only hold \"bucket\" and \"element\"."
                        : "The body may only hold \"element\".");
            }
        }
        int bucket = -1;
        if (withBucket) {
            JsonNode bucketNode = node.get("bucket");
            if (bucketNode == null || !bucketNode.isTextual() || !RangeRoutes.isHex(bucketNode.textValue(), 5)) {
                throw new Refusal("\"bucket\" must be exactly 5 hexadecimal characters.");
            }
            bucket = Integer.parseInt(bucketNode.textValue(), 16);
        }
        JsonNode elementNode = node.get("element");
        if (elementNode == null || !elementNode.isTextual()) {
            throw new Refusal("\"element\" must be a string: the blinded element in base64url.");
        }
        String encoded = elementNode.textValue();
        byte[] element;
        try {
            if (encoded.indexOf('=') >= 0) {
                throw new IllegalArgumentException("padding");
            }
            element = BASE64URL_DECODER.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Refusal("\"element\" must be base64url without padding.");
        }
        if (element.length != OprfSuite.ELEMENT_BYTES || encoded.length() != ELEMENT_BASE64_LENGTH) {
            throw new Refusal("\"element\" must encode " + OprfSuite.ELEMENT_BYTES + " bytes.");
        }
        try {
            return new Request(bucket, OprfSuite.decodeElement(element));
        } catch (OprfSuite.InvalidElementException e) {
            throw new Refusal("\"element\" is not usable: " + e.getMessage());
        }
    }

    private static void tooMany(RoutingContext context, Duration wait, String reason) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ApiProblem.end(context, 429, reason + seconds + " s.");
    }

    private void count(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
