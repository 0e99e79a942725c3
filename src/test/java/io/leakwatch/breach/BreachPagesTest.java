package io.leakwatch.breach;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The breach catalogue and breach pages, with their server-drawn charts. */
@QuarkusTest
class BreachPagesTest {

    @Inject
    IndexFixture index;

    @Test
    void theCatalogueListsPublishedBreachesWithTheirFactsAndCharts() {
        Breach telco = index.publishBreach(IndexFixture.uniqueName("Telco"), breach -> {
            breach.title = "Telecom records " + breach.name;
            breach.breachDate = LocalDate.of(2023, 9, 14);
            breach.pwnCount = 2_400_000;
            breach.dataClasses = List.of("phone-numbers", "location-history");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach retired = index.publishBreach(IndexFixture.uniqueName("Retired"), breach -> breach.retired = true,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach unpublished = index.createBreach(IndexFixture.uniqueName("Staged"), breach -> { });

        Document page = Jsoup.parse(given().when().get("/breaches").then().statusCode(200).extract().asString());

        Element card = page.select(".breach-card").stream()
                .filter(c -> c.selectFirst("h3 a").attr("href").equals("/breaches/" + telco.name)).findFirst().orElseThrow();
        assertEquals("Telecom records " + telco.name, card.selectFirst("h3").text());
        assertEquals("2023-09-14", card.selectFirst("time").attr("datetime"));
        assertTrue(card.text().contains("2,400,000"), card.text());
        assertTrue(card.text().contains("Telecom operator records"), "the kind of leak");
        assertEquals(List.of("/exposure/location-history", "/exposure/phone-numbers"),
                card.select(".data-classes a").eachAttr("href"), "a publish stores the data classes sorted");
        String listed = page.select(".breach-card h3 a").eachAttr("href").toString();
        assertFalse(listed.contains(retired.name), "retired breaches are not listed");
        assertFalse(listed.contains(unpublished.name), "unpublished breaches are not listed");

        Element timeline = page.selectFirst("svg.timeline-chart");
        assertNotNull(timeline);
        assertEquals("img", timeline.attr("role"));
        assertTrue(page.getElementById(timeline.attr("aria-labelledby")).text().startsWith("Timeline of"));
        assertEquals(page.select(".breach-card").size(), timeline.select("circle").size(), "one circle per breach");
        Element chart = page.selectFirst("svg.data-class-chart");
        assertTrue(chart.select("text").eachText().contains("Location history"));
        assertEquals(0, page.select("script, [style]").size(), "drawn on the server, no script, no inline style");
    }

    @Test
    void aBreachPageShowsWhatLeakedTheRiskAndWhereItSits() {
        Breach police = index.publishBreach(IndexFixture.uniqueName("Police"), breach -> {
            breach.sensitive = true;
            breach.dataClasses = List.of("names", "government-issued-ids", "criminal-records");
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        Document page = Jsoup.parse(given().header("Accept-Language", "zh-CN")
                .when().get("/breaches/" + police.name.toUpperCase()).then().statusCode(200).extract().asString());

        assertEquals(police.title, page.selectFirst("h1").text());
        assertEquals("身在这起泄露中的人面临的风险：高。", page.selectFirst(".risk-summary").text());
        assertEquals("公安数据库", page.select(".facts dd").get(1).text());
        assertEquals(List.of("/exposure/government-issued-ids", "/exposure/criminal-records", "/exposure/names"),
                page.select(".exposure-links a").eachAttr("href"), "most urgent first");
        assertTrue(page.selectFirst(".badges").text().contains("敏感"), "a sensitive breach says so");
        assertEquals(1, page.select("svg.timeline-chart circle.chart-mark-highlighted").size());
    }

    @Test
    void anUnknownOrUnpublishedBreachIsNotFound() {
        Breach staged = index.createBreach(IndexFixture.uniqueName("Staged"), breach -> { });
        given().when().get("/breaches/no-such-breach").then().statusCode(404);
        given().when().get("/breaches/" + staged.name).then().statusCode(404);
    }
}
