package io.leakwatch.web;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ready}: asks a running portal whether it is ready, for container health checks. Container
 * images need no curl or wget for it, and it starts neither Quarkus nor a database.
 */
@Command(name = "ready", mixinStandardHelpOptions = true,
        description = {"Exits with 0 when the portal answers UP at /q/health/ready, else with 1.",
                "By default it asks http://127.0.0.1:$QUARKUS_HTTP_PORT (8080 when unset)."})
public class ReadyCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "the portal's address (default: the local port)")
    URI url;

    @Option(names = "--timeout", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "how long to wait for the answer (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        URI base = url != null ? url : URI.create("http://127.0.0.1:"
                + Optional.ofNullable(System.getenv("QUARKUS_HTTP_PORT")).filter(port -> !port.isBlank()).orElse("8080"));
        return isReady(base.resolve("/q/health/ready"), timeout) ? 0 : 1;
    }

    static boolean isReady(URI readiness, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(readiness).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
