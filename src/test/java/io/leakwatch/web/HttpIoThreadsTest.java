package io.leakwatch.web;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many event loops serve HTTP connections unless the operator says otherwise. */
class HttpIoThreadsTest {

    @Test
    void halfTheCoresAndAtLeastOne() {
        assertEquals(1, HttpIoThreads.forCores(1));
        assertEquals(1, HttpIoThreads.forCores(2));
        assertEquals(1, HttpIoThreads.forCores(3));
        assertEquals(2, HttpIoThreads.forCores(4));
        assertEquals(8, HttpIoThreads.forCores(16));
    }

    @Test
    void theDefaultIsFoundAsAServiceAndTheEnvironmentOverridesIt() {
        SmallRyeConfig shipped = new SmallRyeConfigBuilder().addDiscoveredSources().build();
        assertEquals(HttpIoThreads.forCores(Runtime.getRuntime().availableProcessors()),
                shipped.getValue(HttpIoThreads.PROPERTY, Integer.class));

        SmallRyeConfig overridden = new SmallRyeConfigBuilder().addDiscoveredSources()
                .withSources(new EnvConfigSource(Map.of("QUARKUS_HTTP_IO_THREADS", "3"), 300)).build();
        assertEquals(3, overridden.getValue(HttpIoThreads.PROPERTY, Integer.class));
    }
}
