package io.leakwatch.web;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The default number of event loops that serve HTTP connections ({@code quarkus.http.io-threads}):
 * half the cores, at least one, where Quarkus would take twice the cores. An event loop only moves
 * bytes and answers what is cheap to answer (range and OPRF buckets, static files); the rest runs on
 * worker threads. A loop that has several connections ready when it wakes answers them all for one
 * wake-up, while more loops than that work needs wake up, and switch, once per request or two
 * (README "Range API figures": on two cores, one loop answered a fifth more range requests per CPU
 * than four). The other half of the cores stays with the worker threads and the embedded
 * PostgreSQL. {@code QUARKUS_HTTP_IO_THREADS} overrides it, as does the same property anywhere else:
 * this source ranks below application.properties.
 */
public class HttpIoThreads implements ConfigSource {

    static final String PROPERTY = "quarkus.http.io-threads";

    /** Half the cores, at least one. */
    static int forCores(int cores) {
        return Math.max(1, cores / 2);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, getValue(PROPERTY));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? Integer.toString(forCores(Runtime.getRuntime().availableProcessors())) : null;
    }

    @Override
    public String getName() {
        return "Leakwatch's default HTTP event loops";
    }

    /** Below application.properties (250) and the environment (300). */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
