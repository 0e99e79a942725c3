package io.leakwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.AdminBrowser;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of error under /api answers in one shape, RFC 9457 problem details, whoever raises it: the
 * resources, the REST layer, Jackson, authentication, the rate limits, the body limit and the reactive
 * routes of the oblivious check and the account search. /range keeps the text its clients expect.
 */
@QuarkusTest
class ApiProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BREACHES = "/api/admin/breaches";

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    AdminApi adminApi;

    private String token;

    @BeforeEach
    void token() {
        token = adminApi.newToken();
    }

    /** One request of a kind that fails; {@code client} sends it as one client address. */
    @FunctionalInterface
    interface Failing {
        HttpResponse<String> send(ApiProblemsTest test, String client) throws Exception;
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("invalid metadata", 400, "Name: letters, digits, dot, dash or underscore",
                        (t, c) -> t.postJson(c, "{\"Name\":\"Bad name\",\"Title\":\"T\",\"BreachDate\":\"2024-01-01\"}")),
                error("unknown data class", 400, "DataClasses: unknown Shoe sizes",
                        (t, c) -> t.postJson(c, "{\"Name\":\"" + IndexFixture.uniqueName("P") + "\",\"Title\":\"T\","
                                + "\"BreachDate\":\"2024-01-01\",\"DataClasses\":[\"Shoe sizes\"]}")),
                error("malformed JSON", 400, "The body is not valid JSON (line 1, column",
                        (t, c) -> t.postJson(c, "{\"Name\": nope")),
                error("a member of the wrong format", 400, "BreachDate: not a value of the expected type or format",
                        (t, c) -> t.postJson(c, "{\"Name\":\"N\",\"Title\":\"T\",\"BreachDate\":\"yesterday\"}")),
                error("a breach that exists", 409, "already",
                        (t, c) -> {
                            String body = "{\"Name\":\"" + IndexFixture.uniqueName("Twice") + "\",\"Title\":\"T\",\"BreachDate\":\"2024-01-01\"}";
                            assertEquals(201, t.postJson(c, body).statusCode());
                            return t.postJson(c, body);
                        }),
                error("no token", 401, "Authorization: Bearer",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/admin/whoami")))),
                error("an unknown token", 401, "Authorization: Bearer",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/admin/whoami"))
                                .header("Authorization", "Bearer lwat_" + UUID.randomUUID()))),
                error("too many unknown tokens", 429, "try again in",
                        (t, c) -> t.repeatUntilRefused(c, () -> HttpRequest.newBuilder(t.uri("/api/admin/whoami"))
                                .header("Authorization", "Bearer lwat_" + UUID.randomUUID()))),
                error("the public rate limit", 429, "try again in",
                        (t, c) -> t.repeatUntilRefused(c, () -> HttpRequest.newBuilder(t.uri("/api/v1/breaches")))),
                error("an unknown breach", 404, "Nothing is at this path",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/breach/NoSuchBreach")))),
                error("an unknown upload", 404, "No such upload.",
                        (t, c) -> t.send(c, t.authorized("/api/admin/uploads/" + UUID.randomUUID()))),
                error("an unknown API path", 404, "Nothing is at this path",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v9/nothing")))),
                error("the account search, off", 404, "POST /api/v1/oprf/check",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/range/search/ABCDE")))),
                error("a method the account search does not take", 405, "Only GET, HEAD and OPTIONS",
                        (t, c) -> {
                            HttpResponse<String> refused = t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/range/search/ABCDE")).DELETE());
                            assertEquals("GET, HEAD, OPTIONS", refused.headers().firstValue("Allow").orElse(""));
                            return refused;
                        }),
                error("a method the resource does not take", 405, "/q/openapi lists those it takes",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/breaches")).DELETE())),
                error("a body of the wrong type", 415, "Content-Type",
                        (t, c) -> t.send(c, t.authorized(BREACHES).header("Content-Type", "text/plain")
                                .POST(BodyPublishers.ofString("Name=x")))),
                error("a body over the limit", 413, "larger than 1048576 bytes",
                        (t, c) -> t.send(c, t.authorized(BREACHES).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])))),
                error("a body of unknown length", 411, "unknown length",
                        (t, c) -> t.send(c, t.authorized(BREACHES).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[100]))))),
                error("an OPRF check with a bad bucket", 400, "\"bucket\" must be exactly 5 hexadecimal characters.",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/oprf/check")).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString("{\"bucket\":\"XYZ\",\"element\":\"AAAA\"}")))),
                error("an OPRF evaluation that is not JSON", 400, "The body must be a JSON object.",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/oprf/evaluate")).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString("element=AAAA")))),
                error("an OPRF bucket that is no bucket", 400, "The bucket must be exactly 5 hexadecimal characters.",
                        (t, c) -> t.send(c, HttpRequest.newBuilder(t.uri("/api/v1/oprf/buckets/XYZ")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void everyApiErrorIsProblemDetails(String kind, int status, String detail, Failing request) throws Exception {
        HttpResponse<String> response = request.send(this, AdminBrowser.newClientAddress());

        assertEquals(status, response.statusCode(), kind + ": " + response.body());
        assertEquals(ApiProblem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""), kind);
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(List.of("type", "title", "status", "detail"), fieldNames(problem), kind);
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals(HttpResponseStatus.valueOf(status).reasonPhrase(), problem.get("title").asText());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains(detail), kind + ": " + problem.get("detail"));
        if (status == 401) {
            assertEquals("Bearer realm=\"leakwatch-admin\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
        if (status == 429) {
            assertTrue(response.headers().firstValue("Retry-After").isPresent(), kind);
        }
    }

    @Test
    void rangeKeepsTheTextItsPwnedPasswordsClientsExpect() throws Exception {
        HttpResponse<String> response = send(AdminBrowser.newClientAddress(), HttpRequest.newBuilder(uri("/range/XYZ")));

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals("The hash prefix must be exactly 5 hexadecimal characters.", response.body());
    }

    private static Arguments error(String kind, int status, String detail, Failing request) {
        return Arguments.of(kind, status, detail, request);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> postJson(String client, String body) throws IOException, InterruptedException {
        return send(client, authorized(BREACHES).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(String client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request until the portal refuses it for coming too often (at most 200 times). */
    private HttpResponse<String> repeatUntilRefused(String client, java.util.function.Supplier<HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> response = send(client, request.get());
            if (response.statusCode() == 429) {
                return response;
            }
        }
        throw new AssertionError("never refused");
    }
}
