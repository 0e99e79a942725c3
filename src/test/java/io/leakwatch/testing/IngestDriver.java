package io.leakwatch.testing;

import io.leakwatch.index.IndexFixture;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.leakwatch.testing.AdminApi.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Drives the loading flow through the automation API as one admin, the way an operator's script would. */
public final class IngestDriver {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String token;

    public IngestDriver(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String createBreach(String stem) {
        String name = IndexFixture.uniqueName(stem);
        as(token).contentType("application/json")
                .body(Map.of("Name", name, "Title", "Test " + stem, "BreachDate", "2024-05-01",
                        "Description", "Synthetic", "DataClasses", List.of("passwords")))
                .post("/api/admin/breaches").then().statusCode(201);
        return name;
    }

    /** Uploads a file and waits until it is staged, failed or otherwise settled; asserts the state. */
    public JsonPath uploadAndWait(String breach, String format, Map<String, String> params, byte[] file, String expectedState) {
        Response accepted = as(token).queryParam("format", format).queryParams(params)
                .contentType("application/octet-stream").body(file)
                .post("/api/admin/breaches/" + breach + "/uploads");
        assertEquals(202, accepted.statusCode(), accepted.asString());
        String id = accepted.jsonPath().getString("id");
        await(() -> isSettled(upload(id).getString("state")), "the upload settles");
        JsonPath settled = upload(id);
        assertEquals(expectedState, settled.getString("state"), "error: " + settled.getString("error"));
        return settled;
    }

    public void publishAndWait(String id) {
        as(token).post("/api/admin/uploads/" + id + "/publish").then().statusCode(202);
        await(() -> upload(id).getString("state").equals("published"), "published");
    }

    public JsonPath upload(String id) {
        return as(token).get("/api/admin/uploads/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The /range body of the bucket a SHA-1 falls in. */
    public static String range(String sha1Hex) {
        return given().get("/range/" + sha1Hex.substring(0, 5)).then().statusCode(200).extract().asString();
    }

    /** The breaches the oblivious check names for an account hash (as a browser would find them). */
    public static List<String> websites(String accountSha1Hex) {
        return OprfBrowser.withNewAddress().check(HexFormat.of().parseHex(accountSha1Hex)).orElse(List.of());
    }

    public static String randomPassword() {
        return "pw-" + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 12);
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean isSettled(String state) {
        return !List.of("uploading", "queued", "staging", "publishing").contains(state);
    }
}
