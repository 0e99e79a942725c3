package io.leakwatch.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that drives the portal in Chromium: one browser for the whole class, started before
 * its first test; without Chromium the class is skipped, or fails in CI (see {@link Chromium}).
 */
public abstract class InChromium {

    protected static Chromium chromium;

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.startOrSkip();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
