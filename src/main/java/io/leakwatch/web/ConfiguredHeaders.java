package io.leakwatch.web;

import io.netty.util.AsciiString;
import io.quarkus.vertx.http.runtime.FilterConfig;
import io.quarkus.vertx.http.runtime.HeaderConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The headers {@code quarkus.http.header.*} and {@code quarkus.http.filter.*} put on responses (the
 * Content-Security-Policy and the other hardening headers of {@code application.properties}), for a
 * handler that answers before Quarkus's own header routes run. Worked out once per path and method, so
 * that such a handler only copies ready-made values.
 */
@ApplicationScoped
public class ConfiguredHeaders {

    private final Map<String, HeaderConfig> headers;
    private final Map<String, FilterConfig> filters;

    public ConfiguredHeaders(VertxHttpConfig http) {
        this.headers = http.header();
        this.filters = http.filter();
    }

    /** The configured response headers of {@code path} for {@code method}, as Quarkus would add them. */
    public HeaderValues forRequest(String path, HttpMethod method) {
        List<AsciiString> names = new ArrayList<>();
        List<AsciiString> values = new ArrayList<>();
        headers.forEach((name, config) -> {
            if (pathMatches(config.path(), path) && methodMatches(config.methods(), method)) {
                names.add(AsciiString.of(name));
                values.add(AsciiString.of(config.value()));
            }
        });
        filters.values().forEach(filter -> {
            if (Pattern.matches(filter.matches(), path) && methodMatches(filter.methods(), method)) {
                filter.header().forEach((name, value) -> {
                    names.add(AsciiString.of(name));
                    values.add(AsciiString.of(value));
                });
            }
        });
        return new HeaderValues(names.toArray(AsciiString[]::new), values.toArray(AsciiString[]::new));
    }

    /** Vert.x route paths: a trailing {@code *} matches any rest, anything else matches exactly. */
    private static boolean pathMatches(String routePath, String path) {
        return routePath.endsWith("*") ? path.startsWith(routePath.substring(0, routePath.length() - 1))
                : routePath.equals(path);
    }

    private static boolean methodMatches(Optional<List<String>> methods, HttpMethod method) {
        return methods.map(list -> list.stream().anyMatch(m -> m.toUpperCase(Locale.ROOT).equals(method.name())))
                .orElse(true);
    }

    /** Header names and values, ready to be added to a response. */
    public record HeaderValues(AsciiString[] names, AsciiString[] values) {
        /** Adds them to the headers of a response that has none of them yet. */
        public void addTo(MultiMap responseHeaders) {
            for (int i = 0; i < names.length; i++) {
                responseHeaders.add(names[i], values[i]);
            }
        }
    }
}
