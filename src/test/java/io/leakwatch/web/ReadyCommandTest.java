package io.leakwatch.web;

import io.leakwatch.LeakwatchCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code ready}, the container health check, against a running portal and against nothing. */
@QuarkusTest
class ReadyCommandTest {

    @Test
    void aReadyPortalAnswersZero() {
        assertEquals(0, ready("http://127.0.0.1:" + RestAssured.port));
    }

    @Test
    void nothingListeningAnswersOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(1, ready("http://127.0.0.1:" + closedPort));
    }

    private static int ready(String url) {
        return new CommandLine(new LeakwatchCommand()).execute("ready", "--url", url, "--timeout", "PT3S");
    }
}
