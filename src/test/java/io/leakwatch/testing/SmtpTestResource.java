package io.leakwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Chooses the port of the test SMTP server and points Quarkus Mailer at it. The server itself,
 * GreenMail, is started by {@link TestMailbox} in the tests' class loader, so that tests can read its
 * mail and stop and start it to play an outage.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return Map.of("quarkus.mailer.port", Integer.toString(probe.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }

    @Override
    public void stop() {
        TestMailbox.shutDown();
    }
}
