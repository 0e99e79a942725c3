package io.leakwatch.web;

import io.vertx.core.http.HttpServerRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address a request came from, as rate limits, sign-in throttling and the audit log count it: the
 * connection's peer, or behind a trusted proxy the client it reports ({@link TrustedProxies}). Every
 * feature asks {@link #of} and so sees the same address.
 */
public record ClientAddress(String address) {

    private static final ClientAddress UNKNOWN = new ClientAddress("unknown");

    /** The client of {@code request}, as {@link RequestOriginFilter} resolved it. */
    public static ClientAddress of(HttpServerRequest request) {
        return RequestOrigin.of(request).client();
    }

    static ClientAddress of(InetAddress address) {
        return new ClientAddress(address.getHostAddress());
    }

    /** A connection's peer as Vert.x reports it (null for a Unix socket). */
    static ClientAddress ofPeer(String hostAddress) {
        if (hostAddress == null) {
            return UNKNOWN;
        }
        return AddressRange.literal(hostAddress).map(ClientAddress::of).orElse(new ClientAddress(hostAddress));
    }

    /**
     * What requests are counted under: the IPv4 address itself, or the /64 network of an IPv6 address
     * (one household or server usually holds a whole /64, so counting single IPv6 addresses would let
     * one client spread its requests over billions of keys).
     */
    public String countingKey() {
        String literal = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            // A literal address: no name lookup happens.
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                StringBuilder key = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return key.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
