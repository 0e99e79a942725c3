package io.leakwatch.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which address a request is counted under, for every way a client or a proxy may write the
 * forwarding headers. The trusted proxies here: 10.0.0.0/8, 2001:db8:ffff::/48 and 127.0.0.1.
 */
class TrustedProxiesTest {

    private static final TrustedProxies X_FORWARDED_FOR = new TrustedProxies(
            Optional.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48", " 127.0.0.1 ")), TrustedProxies.Header.X_FORWARDED_FOR);
    private static final TrustedProxies FORWARDED = new TrustedProxies(
            Optional.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48")), TrustedProxies.Header.FORWARDED);
    private static final TrustedProxies NONE = new TrustedProxies(Optional.empty(), TrustedProxies.Header.X_FORWARDED_FOR);

    /** Header lines are separated by {@code |} in the table; an empty cell sends no header. */
    @ParameterizedTest(name = "{0}: peer {1}, X-Forwarded-For {2} -> {3}")
    @CsvSource(delimiter = ';', textBlock = """
            an untrusted peer's header is ignored             ; 203.0.113.9      ; 198.51.100.1                         ; 203.0.113.9
            a trusted proxy's client                          ; 10.0.0.2         ; 198.51.100.1                         ; 198.51.100.1
            the address the client wrote itself is skipped    ; 10.0.0.2         ; 6.6.6.6, 198.51.100.1                ; 198.51.100.1
            several spoofed addresses                         ; 10.0.0.2         ; 6.6.6.6, 7.7.7.7, 198.51.100.1       ; 198.51.100.1
            two proxies in a row                              ; 10.0.0.2         ; 6.6.6.6, 198.51.100.1, 10.0.0.3      ; 198.51.100.1
            a client that poses as a proxy is still itself    ; 10.0.0.2         ; 10.9.9.9, 198.51.100.1               ; 198.51.100.1
            the header repeated on several lines              ; 10.0.0.2         ; 6.6.6.6|198.51.100.1                 ; 198.51.100.1
            no header from a trusted proxy                    ; 10.0.0.2         ;                                      ; 10.0.0.2
            an empty header                                   ; 10.0.0.2         ; '   '                                ; 10.0.0.2
            only trusted addresses: the leftmost              ; 10.0.0.2         ; 10.0.0.7, 10.0.0.3                   ; 10.0.0.7
            garbage left of the client does not matter        ; 10.0.0.2         ; not-an-address, 198.51.100.1         ; 198.51.100.1
            unknown stops the walk at the proxy that wrote it ; 10.0.0.2         ; 198.51.100.1, unknown                ; 10.0.0.2
            unknown behind a second proxy                     ; 10.0.0.2         ; 198.51.100.1, unknown, 10.0.0.3      ; 10.0.0.3
            a name is never looked up                         ; 10.0.0.2         ; localhost                            ; 10.0.0.2
            legacy short IPv4 forms are not addresses         ; 10.0.0.2         ; 127.1                                ; 10.0.0.2
            an IPv4 address with a port                       ; 10.0.0.2         ; 198.51.100.1:4711                    ; 198.51.100.1
            an IPv6 client                                    ; 10.0.0.2         ; 2001:db8:1::5                        ; 2001:db8:1:0:0:0:0:5
            an IPv6 client in brackets with a port            ; 10.0.0.2         ; [2001:db8:1::5]:443                  ; 2001:db8:1:0:0:0:0:5
            an IPv6 proxy                                     ; 2001:db8:ffff::1 ; 198.51.100.1                         ; 198.51.100.1
            an IPv6 address outside the trusted block         ; 2001:db8:fffe::1 ; 198.51.100.1                         ; 2001:db8:fffe:0:0:0:0:1
            an IPv4-mapped peer is the IPv4 address           ; ::ffff:10.0.0.2  ; 198.51.100.1                         ; 198.51.100.1
            an IPv6 peer with a zone                          ; fe80::1%eth0     ; 198.51.100.1                         ; fe80:0:0:0:0:0:0:1
            a single trusted address                          ; 127.0.0.1        ; 198.51.100.1                         ; 198.51.100.1
            its neighbour is not trusted                      ; 127.0.0.2        ; 198.51.100.1                         ; 127.0.0.2
            """)
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy(String name, String peer, String forwardedFor, String expected) {
        Map<String, List<String>> headers = forwardedFor == null ? Map.of()
                : Map.of("X-Forwarded-For", Arrays.asList(forwardedFor.split("\\|")));

        RequestOrigin origin = X_FORWARDED_FOR.resolve(peer, false, header -> headers.getOrDefault(header, List.of()));

        assertEquals(expected, origin.client().address(), name);
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        RequestOrigin origin = NONE.resolve("127.0.0.1", false, header -> switch (header) {
            case "X-Forwarded-For" -> List.of("198.51.100.1");
            case "X-Forwarded-Proto" -> List.of("https");
            default -> List.of();
        });

        assertEquals("127.0.0.1", origin.client().address());
        assertFalse(origin.secure(), "only a trusted proxy says the client used TLS");
    }

    @Test
    void tlsIsTheConnectionsOrWhatATrustedProxySays() {
        assertTrue(NONE.resolve("203.0.113.9", true, header -> List.of()).secure(), "TLS on the connection itself");
        assertTrue(X_FORWARDED_FOR.resolve("10.0.0.2", false, header -> header.equals("X-Forwarded-Proto") ? List.of("https") : List.of())
                .secure(), "a trusted proxy that terminated TLS");
        assertFalse(X_FORWARDED_FOR.resolve("203.0.113.9", false, header -> header.equals("X-Forwarded-Proto") ? List.of("https") : List.of())
                .secure(), "an untrusted peer's X-Forwarded-Proto");
        assertFalse(X_FORWARDED_FOR.resolve("10.0.0.2", false, header -> header.equals("X-Forwarded-Proto") ? List.of("https, http") : List.of())
                .secure(), "the value the nearest proxy wrote, the last one, counts");
    }

    @Test
    void theForwardedHeaderIsReadTheSameWayWhenConfigured() {
        Map<String, List<String>> headers = Map.of(
                "Forwarded", List.of("for=6.6.6.6;proto=https, for=\"[2001:db8:1::5]:4711\";proto=https;by=10.0.0.2"),
                "X-Forwarded-For", List.of("7.7.7.7"));

        RequestOrigin origin = FORWARDED.resolve("10.0.0.2", false, header -> headers.getOrDefault(header, List.of()));

        assertEquals("2001:db8:1:0:0:0:0:5", origin.client().address());
        assertTrue(origin.secure());
        assertEquals("7.7.7.7", X_FORWARDED_FOR.resolve("10.0.0.2", false, header -> headers.getOrDefault(header, List.of()))
                .client().address(), "a proxy that appends to X-Forwarded-For passes Forwarded on as the client wrote it");
        assertEquals("10.0.0.2", FORWARDED.resolve("10.0.0.2", false, header -> header.equals("X-Forwarded-For") ? List.of("7.7.7.7") : List.of())
                .client().address(), "and the other way round");
        assertEquals("10.0.0.2", FORWARDED.resolve("10.0.0.2", false, header -> header.equals("Forwarded") ? List.of("for=_hidden") : List.of())
                .client().address(), "an obfuscated identifier is not an address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "proxy.example", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/x", "300.1.1.1"})
    void aMalformedTrustedProxyStopsTheStart(String cidr) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TrustedProxies(Optional.of(List.of(cidr)), TrustedProxies.Header.X_FORWARDED_FOR));
        assertTrue(refused.getMessage().startsWith("LEAKWATCH_TRUSTED_PROXIES: "), refused.getMessage());
    }
}
