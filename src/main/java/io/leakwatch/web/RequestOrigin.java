package io.leakwatch.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.WebServerRequest;

/**
 * Where a request came from, as every feature sees it: the client's address (for rate limits, sign-in
 * throttling and the audit log) and whether the client reached us over TLS (for Secure cookies and
 * HSTS). {@link RequestOriginFilter} works it out once per request, before anything else runs, from
 * the connection and, only when that comes from a trusted proxy, the proxy's headers
 * ({@link TrustedProxies}).
 */
public record RequestOrigin(ClientAddress client, boolean secure) {

    static final String KEY = RequestOrigin.class.getName();

    /** The origin of {@code request}: as resolved for it, or its connection's own peer and TLS. */
    public static RequestOrigin of(HttpServerRequest request) {
        if (request instanceof WebServerRequest routed && routed.routingContext().get(KEY) instanceof RequestOrigin origin) {
            return origin;
        }
        return new RequestOrigin(ClientAddress.ofPeer(peerAddress(request)), request.connection().isSsl());
    }

    /** The address of the connection's other end, whatever any header says. */
    static String peerAddress(HttpServerRequest request) {
        SocketAddress peer = request.connection().remoteAddress();
        return peer == null ? null : peer.hostAddress();
    }
}
