package io.leakwatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Only breach uploads may send large bodies; forms and JSON elsewhere are held small. */
@QuarkusTest
class RequestBodyLimitTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLargeBodyOutsideUploadsIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = post("/admin/sign-in", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]));

        assertEquals(413, response.statusCode());
    }

    @Test
    void aBodyOfUnknownLengthOutsideUploadsIsRefused() throws Exception {
        HttpResponse<String> response = post("/api/admin/breaches", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[100])));

        assertEquals(411, response.statusCode());
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
