package io.leakwatch.testing;

import io.leakwatch.index.IndexFixture;
import io.leakwatch.ingest.PublishedAccounts;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.leakwatch.testing.AdminApi.as;

/**
 * Loads breaches the way an operator does, through the automation API: create, upload an accounts
 * CSV, wait for staging, publish, and wait until notifications have matched the upload's accounts.
 */
@ApplicationScoped
public class BreachLoader {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final AdminApi adminApi;
    private final PublishedAccounts publishedAccounts;

    public BreachLoader(AdminApi adminApi, PublishedAccounts publishedAccounts) {
        this.adminApi = adminApi;
        this.publishedAccounts = publishedAccounts;
    }

    /** A breach made through the API, not yet published. */
    public record LoadedBreach(String name, String token) {
    }

    public LoadedBreach create(String stem, boolean sensitive) {
        String token = adminApi.newToken();
        String name = IndexFixture.uniqueName(stem);
        as(token).contentType("application/json")
                .body(Map.of("Name", name, "Title", "Test " + name, "BreachDate", "2024-05-01", "Domain", "example.org",
                        "Description", "A synthetic breach for tests.", "DataClasses", List.of("names"),
                        "IsSensitive", sensitive))
                .post("/api/admin/breaches").then().statusCode(201);
        return new LoadedBreach(name, token);
    }

    /**
     * Uploads {@code csv} (an accounts CSV with a header) as the breach's data, replacing what it had,
     * publishes it, and waits until its accounts have been matched against the subscriptions.
     */
    public UUID publish(LoadedBreach breach, String csv) {
        Response accepted = as(breach.token()).queryParam("format", "accounts-csv")
                .contentType("application/octet-stream").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/breaches/" + breach.name() + "/uploads");
        if (accepted.statusCode() != 202) {
            throw new AssertionError("Upload refused: " + accepted.asString());
        }
        String id = accepted.jsonPath().getString("id");
        await(() -> "staged".equals(state(breach, id)), "the upload is staged");
        as(breach.token()).post("/api/admin/uploads/" + id + "/publish").then().statusCode(202);
        await(() -> "published".equals(state(breach, id)), "the upload is published");
        UUID upload = UUID.fromString(id);
        await(() -> publishedAccounts.awaitingAlerts().stream().noneMatch(waiting -> waiting.uploadId().equals(upload)),
                "notifications have matched the upload");
        return upload;
    }

    private static String state(LoadedBreach breach, String id) {
        String state = as(breach.token()).get("/api/admin/uploads/" + id).then().statusCode(200).extract().jsonPath().getString("state");
        if (List.of("failed", "cancelled", "discarded", "expired").contains(state)) {
            throw new AssertionError("The upload ended " + state);
        }
        return state;
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting: " + what);
            }
            TestMailbox.pause();
        }
    }
}
