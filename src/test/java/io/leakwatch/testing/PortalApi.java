package io.leakwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The automation API of a portal run as a process ({@link PortalProcess}), as an operator's script
 * uses it with a bearer token: breaches, uploads, publishing.
 */
public final class PortalApi {

    private static final Pattern STATE = Pattern.compile("\"state\":\"([a-z]+)\"");

    private final PortalProcess portal;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PortalApi(PortalProcess portal, String token) {
        this.portal = portal;
        this.token = token;
    }

    public void createBreach(String name) {
        HttpResponse<String> created = send("POST", "/api/admin/breaches", "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"Name\":\"" + name + "\",\"Title\":\"" + name + "\",\"BreachDate\":\"2024-01-01\"}"));
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Uploads a file; returns the upload's id. */
    public String upload(String breach, String query, Path file) {
        try {
            return upload(breach, query, HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String upload(String breach, String query, byte[] body) {
        return upload(breach, query, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private String upload(String breach, String query, HttpRequest.BodyPublisher body) {
        HttpResponse<String> accepted = send("POST", "/api/admin/breaches/" + breach + "/uploads?" + query,
                "application/octet-stream", body);
        assertEquals(202, accepted.statusCode(), accepted.body());
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]+)\"").matcher(accepted.body());
        assertTrue(id.find(), accepted.body());
        return id.group(1);
    }

    /** The upload's JSON. */
    public String upload(String id) {
        HttpResponse<String> upload = send("GET", "/api/admin/uploads/" + id, null, HttpRequest.BodyPublishers.noBody());
        assertEquals(200, upload.statusCode(), upload.body());
        return upload.body();
    }

    public static String state(String uploadJson) {
        Matcher state = STATE.matcher(uploadJson);
        assertTrue(state.find(), uploadJson);
        return state.group(1);
    }

    /** Waits until the upload is in one of {@code states}; returns its JSON. */
    public String awaitState(String id, Set<String> states, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            String upload = upload(id);
            if (states.contains(state(upload))) {
                return upload;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("upload " + id + " never reached " + states + ": " + upload);
            }
            sleep(50);
        }
    }

    /** Asks for the upload to be published; returns the status (202 when it was staged). */
    public int publish(String id) {
        return send("POST", "/api/admin/uploads/" + id + "/publish", null, HttpRequest.BodyPublishers.noBody()).statusCode();
    }

    /** Uploads, waits until staged, publishes and waits until published; returns the upload's JSON. */
    public String load(String breach, String query, byte[] body, Duration within) {
        String id = upload(breach, query, body);
        String staged = awaitState(id, Set.of("staged", "failed"), within);
        assertEquals("staged", state(staged), staged);
        assertEquals(202, publish(id));
        return awaitState(id, Set.of("published"), within);
    }

    public HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
