package io.leakwatch.check;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** As shipped, the unsalted account search serves nothing, and says where the check lives now. */
@QuarkusTest
class AccountSearchOffTest {

    @Inject
    IndexFixture fixture;

    @Test
    void theSearchIsOffByDefaultAndPointsToTheObliviousCheck() {
        byte[] account = IndexFixture.randomHash(HashKind.ACCOUNT);
        fixture.publishBreach(IndexFixture.uniqueName("Mail"), breach -> { }, List.of(account));

        given().get("/api/v1/range/search/" + IndexFixture.hex(account).substring(0, 5))
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("POST /api/v1/oprf/check"))
                .body("detail", containsString("off on this portal"));
    }
}
