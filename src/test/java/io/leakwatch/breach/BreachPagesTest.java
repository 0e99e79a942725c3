package io.leakwatch.breach;

import io.leakwatch.explain.StepPlan;
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
                card.select(".data-classes a").eachAttr("href").stream().sorted().toList());
        String listed = page.select(".breach-card h3 a").eachAttr("href").toString();
        assertFalse(listed.contains(retired.name), "retired breaches are not listed");
        assertFalse(listed.contains(unpublished.name), "unpublished breaches are not listed");

        Element timeline = page.selectFirst("svg.timeline-chart");
        assertNotNull(timeline);
        assertEquals("img", timeline.attr("role"));
        assertTrue(page.getElementById(timeline.attr("aria-labelledby")).text().startsWith("Timeline of"));
        assertEquals(page.select(".breach-card").size(), timeline.select("circle.chart-mark").size(), "one circle per breach");
        assertEquals(timeline.select("circle.chart-mark").size(), timeline.select("text.chart-number").size(), "each numbered");
        Element inList = page.select("ol.timeline-list li").stream()
                .filter(li -> li.selectFirst("a").attr("href").equals("/breaches/" + telco.name)).findFirst().orElseThrow();
        assertEquals("Telecom records " + telco.name, inList.selectFirst("a").text(), "the list under the timeline says in words");
        assertEquals("2023-09-14", inList.selectFirst("time").attr("datetime"));
        assertTrue(inList.text().endsWith(" · 2,400,000 identifiers"), inList.text());
        Element chart = page.selectFirst("ul.bar-chart");
        assertTrue(chart.select(".bar-label").eachText().contains("Location history"));
        assertTrue(chart.select(".bar-value").eachText().stream().allMatch(value -> value.endsWith(" identifiers")),
                "the figures say what they count");
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
        assertEquals("身在这起泄露中的人面临的风险：很高。", page.selectFirst(".risk-summary").text(),
                "criminal records tied to a name and ID number: lasting harm");
        assertEquals(StepPlan.FIRST_STEPS, page.select("ol.first-steps li").size(), "the few steps to take first");
        assertEquals("公安数据库", page.select(".facts dd").get(1).text());
        assertEquals(List.of("/exposure/government-issued-ids", "/exposure/criminal-records", "/exposure/names"),
                page.select(".exposure-links a").eachAttr("href"), "most urgent first");
        assertTrue(page.selectFirst(".badges").text().contains("敏感"), "a sensitive breach says so");
        assertEquals(1, page.select("svg.timeline-chart circle.chart-mark-highlighted").size());
        assertEquals(1, page.select("svg.timeline-chart circle.chart-ring").size(), "marked by a ring, not by colour alone");
        Element current = page.selectFirst("ol.timeline-list li.timeline-current");
        assertEquals(police.title, current.selectFirst("a").text());
        assertEquals("（本页的泄露事件）", current.selectFirst("strong").text(), "and named in the list");
    }

    /** A breach's title and description in the reader's language: card, chart label, detail page; English where there is none. */
    @Test
    void aBreachIsShownInTheReadersLanguageAndInEnglishWhereItHasNoTranslation() {
        Breach translated = index.publishBreach(IndexFixture.uniqueName("Translated"), breach -> {
            breach.title = "Police database " + breach.name;
            breach.description = "<p>Names and case records.</p>";
            breach.translations = new java.util.TreeMap<>(java.util.Map.of("zh",
                    new BreachTranslation("公安数据库" + breach.name, "<p>姓名和案件记录。</p>")));
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Breach english = index.publishBreach(IndexFixture.uniqueName("EnglishOnly"), breach ->
                breach.title = "Forum accounts " + breach.name, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        Document chinese = Jsoup.parse(given().header("Accept-Language", "zh-CN").when().get("/breaches")
                .then().statusCode(200).extract().asString());
        Element chineseCard = chinese.selectFirst(".breach-card h3 a[href=/breaches/" + translated.name + "]");
        assertEquals("公安数据库" + translated.name, chineseCard.text());
        assertFalse(chineseCard.hasAttr("lang"), "in the page's language");
        Element untranslated = chinese.selectFirst(".breach-card h3 a[href=/breaches/" + english.name + "]");
        assertEquals("Forum accounts " + english.name, untranslated.text());
        assertEquals("en", untranslated.attr("lang"), "an English title on a Chinese page says it is English");
        assertTrue(chinese.select("svg.timeline-chart title").eachText().stream().anyMatch(t -> t.startsWith("公安数据库" + translated.name)),
                "the circle's label");
        assertTrue(chinese.select("ol.timeline-list a").eachText().contains("公安数据库" + translated.name), "the list under the chart");

        Document chineseDetail = Jsoup.parse(given().header("Accept-Language", "zh-CN").when().get("/breaches/" + translated.name)
                .then().statusCode(200).extract().asString());
        assertEquals("公安数据库" + translated.name, chineseDetail.selectFirst("h1").text());
        assertEquals("姓名和案件记录。", chineseDetail.selectFirst(".lead").text());

        Document englishDetail = Jsoup.parse(given().header("Accept-Language", "en").when().get("/breaches/" + translated.name)
                .then().statusCode(200).extract().asString());
        assertEquals("Police database " + translated.name, englishDetail.selectFirst("h1").text());
        assertEquals("Names and case records.", englishDetail.selectFirst(".lead").text());
    }

    @Test
    void anUnknownOrUnpublishedBreachIsNotFound() {
        Breach staged = index.createBreach(IndexFixture.uniqueName("Staged"), breach -> { });
        given().when().get("/breaches/no-such-breach").then().statusCode(404);
        given().when().get("/breaches/" + staged.name).then().statusCode(404);
    }
}
