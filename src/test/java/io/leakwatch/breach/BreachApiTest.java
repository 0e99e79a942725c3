package io.leakwatch.breach;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** The breach catalogue in Have I Been Pwned's v3 model. */
@QuarkusTest
class BreachApiTest {

    @Inject
    IndexFixture fixture;

    @Test
    void aPublishedBreachHasTheHibpFields() {
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("Catalogued"), b -> b.verified = true,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        given().when().get("/api/v1/breach/" + breach.name)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("Name", equalTo(breach.name))
                .body("Title", equalTo(breach.title))
                .body("Domain", equalTo(breach.domain))
                .body("BreachDate", equalTo("2024-03-01"))
                .body("AddedDate", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("ModifiedDate", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("PwnCount", equalTo(3))
                .body("Description", equalTo("A synthetic breach for tests."))
                .body("DataClasses", equalTo(List.of("Email addresses", "Phone numbers")))
                .body("IsVerified", equalTo(true))
                .body("IsFabricated", equalTo(false))
                .body("IsSensitive", equalTo(false))
                .body("IsRetired", equalTo(false))
                .body("IsSpamList", equalTo(false))
                .body("Translations", equalTo(java.util.Map.of()));

        given().when().get("/api/v1/breaches")
                .then().statusCode(200).body("Name", hasItem(breach.name));
        given().queryParam("domain", breach.domain).when().get("/api/v1/breaches")
                .then().statusCode(200).body("Name", equalTo(List.of(breach.name)));
    }

    @Test
    void aBreachTellsItsTitleAndDescriptionInOtherLanguagesBesideTheHibpFields() {
        Breach breach = fixture.publishBreach(IndexFixture.uniqueName("Translated"), b -> b.translations =
                        new java.util.TreeMap<>(java.util.Map.of("zh", new BreachTranslation("公安数据库", "<p>姓名<script>x()</script></p>"))),
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        given().when().get("/api/v1/breach/" + breach.name)
                .then().statusCode(200)
                .body("Title", equalTo(breach.title))
                .body("Translations.zh.Title", equalTo("公安数据库"))
                .body("Translations.zh.Description", equalTo("<p>姓名</p>"));
    }

    @Test
    void anUnknownOrUnpublishedBreachIs404() {
        Breach unpublished = fixture.createBreach(IndexFixture.uniqueName("Unpublished"), b -> { });

        given().when().get("/api/v1/breach/NoSuchBreach").then().statusCode(404);
        given().when().get("/api/v1/breach/" + unpublished.name).then().statusCode(404);
        given().when().get("/api/v1/breaches").then().statusCode(200).body("Name", not(hasItem(unpublished.name)));
    }
}
