package io.leakwatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A form is read into memory wherever it is sent: on the upload endpoints too, only a file's own bytes stream. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/breaches/Any/uploads?format=sha1", "/admin/breaches/Any/uploads?format=sha1"})
    void aLargeFormSentToAnUploadEndpointIsRefusedSayingHowToSendTheFile(String path) throws Exception {
        HttpResponse<String> asForm = post(path, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]));
        HttpResponse<String> asFile = post(path, "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024]));

        assertEquals(413, asForm.statusCode());
        assertTrue(asForm.body().contains("Send the file itself as the body (Content-Type: application/octet-stream), not as a form."),
                asForm.body());
        assertNotEquals(413, asFile.statusCode(), "a file of that size goes on, to sign-in or the token check");
    }

    private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
