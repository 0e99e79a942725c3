package io.leakwatch.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves every request's {@link RequestOrigin} once, before any other filter or endpoint reads it,
 * and tells browsers that reached us over TLS to use nothing else for a year (HSTS). Over plain HTTP
 * the header would mean nothing and is not sent.
 */
public class RequestOriginFilter {

    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    /** Above every other filter ({@link RateLimitFilter} is 1000): they all count by the client address. */
    static final int PRIORITY = 10_000;

    private final TrustedProxies proxies;

    public RequestOriginFilter(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @RouteFilter(PRIORITY)
    void resolve(RoutingContext context) {
        HttpServerRequest request = context.request();
        RequestOrigin origin = proxies.resolve(RequestOrigin.peerAddress(request), request.connection().isSsl(),
                name -> request.headers().getAll(name));
        context.put(RequestOrigin.KEY, origin);
        if (origin.secure()) {
            context.response().putHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        context.next();
    }
}
