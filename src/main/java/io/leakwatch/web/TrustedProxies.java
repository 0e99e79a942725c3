package io.leakwatch.web;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reverse proxies whose forwarding headers are believed ({@code LEAKWATCH_TRUSTED_PROXIES}, CIDR
 * blocks), and how a request's {@link RequestOrigin} follows from them.
 *
 * <p>A request whose connection does not come from a trusted proxy is its peer's, whatever its headers
 * say. From a trusted proxy, the forwarding header ({@code X-Forwarded-For}, or RFC 7239's
 * {@code Forwarded} when {@code LEAKWATCH_TRUSTED_PROXIES_HEADER=forwarded}) is read from the right,
 * where the proxies closest to us wrote it: the client is the first address that is not a trusted
 * proxy. Whatever lies further left was written by the client itself and is never read. An entry that
 * is not an address ({@code unknown}, a hidden name) stops the walk at the trusted hop before it, so
 * such clients share that hop's limits rather than choosing their own. Only one header is read: a
 * proxy that appends to one passes the other on as the client wrote it.
 */
@ApplicationScoped
@Startup
public class TrustedProxies {

    /** The header a trusted proxy reports the client in. */
    public enum Header {
        X_FORWARDED_FOR, FORWARDED
    }

    private final List<AddressRange> proxies;
    private final Header header;

    @Inject
    public TrustedProxies(@ConfigProperty(name = "leakwatch.trusted-proxies") Optional<List<String>> proxies,
                          @ConfigProperty(name = "leakwatch.trusted-proxies-header", defaultValue = "x-forwarded-for") Header header) {
        this.header = header;
        List<AddressRange> ranges = new ArrayList<>();
        for (String cidr : proxies.orElse(List.of())) {
            try {
                ranges.add(AddressRange.parse(cidr));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("LEAKWATCH_TRUSTED_PROXIES: " + e.getMessage(), e);
            }
        }
        this.proxies = List.copyOf(ranges);
    }

    /**
     * The origin of a request whose connection comes from {@code peer} ({@code overTls} if it is TLS),
     * reading its headers through {@code headers} (every value of the named header, in order).
     */
    public RequestOrigin resolve(String peer, boolean overTls, Function<String, List<String>> headers) {
        Optional<InetAddress> peerAddress = peer == null ? Optional.empty() : AddressRange.literal(peer);
        if (peerAddress.isEmpty()) {
            return new RequestOrigin(ClientAddress.ofPeer(peer), overTls);
        }
        if (!isTrusted(peerAddress.get())) {
            return new RequestOrigin(ClientAddress.of(peerAddress.get()), overTls);
        }
        List<Hop> hops = header == Header.FORWARDED ? forwardedHops(headers.apply("Forwarded"))
                : forwardedForHops(headers.apply("X-Forwarded-For"));
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> next = AddressRange.literal(hops.get(i).address());
            if (next.isEmpty()) {
                break;
            }
            client = next.get();
        }
        // The protocol the nearest proxy was reached by (a client that claims https only marks its own cookies Secure)
        Optional<String> protocol = header == Header.FORWARDED
                ? hops.stream().reduce((first, second) -> second).flatMap(Hop::protocol)
                : commaSeparated(headers.apply("X-Forwarded-Proto")).stream().reduce((first, second) -> second);
        boolean secure = overTls || protocol.map(value -> value.equalsIgnoreCase("https")).orElse(false);
        return new RequestOrigin(ClientAddress.of(client), secure);
    }

    /**
     * Whether the client reached us over TLS, for handlers that run before {@link RequestOriginFilter}
     * (they must send HSTS too): as cheap as the connection's own flag when no proxy is trusted.
     */
    public boolean reachedOverTls(HttpServerRequest request) {
        boolean overTls = request.connection().isSsl();
        if (overTls || proxies.isEmpty()) {
            return overTls;
        }
        return resolve(RequestOrigin.peerAddress(request), false, name -> request.headers().getAll(name)).secure();
    }

    private boolean isTrusted(InetAddress address) {
        for (AddressRange range : proxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** One entry of a forwarding header: the address a proxy saw, and the protocol if it said. */
    private record Hop(String address, Optional<String> protocol) {
    }

    /** X-Forwarded-For's addresses, left to right. */
    private static List<Hop> forwardedForHops(List<String> forwardedFor) {
        return commaSeparated(forwardedFor).stream().map(entry -> new Hop(withoutPort(entry), Optional.empty())).toList();
    }

    /** RFC 7239 elements, left to right: {@code for=...;proto=...}, values perhaps quoted. */
    private static List<Hop> forwardedHops(List<String> forwarded) {
        List<Hop> hops = new ArrayList<>();
        for (String element : commaSeparated(forwarded)) {
            String address = "";
            Optional<String> protocol = Optional.empty();
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals < 0) {
                    continue;
                }
                String name = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(equals + 1).strip());
                if (name.equals("for")) {
                    address = withoutPort(value);
                } else if (name.equals("proto")) {
                    protocol = Optional.of(value);
                }
            }
            hops.add(new Hop(address, protocol));
        }
        return hops;
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> entries = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String entry : value.split(",")) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 192.0.2.7:4711} and {@code [2001:db8::1]:4711} without the port; a bare IPv6 address as it is. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(1, close);
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }
}
