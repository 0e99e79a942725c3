package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.quarkus.test.junit.QuarkusTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "What exposure means": a page for every kind of data, most serious first, in both languages. */
@QuarkusTest
class ExposurePagesTest {

    /** The kinds of data the issue asks a page for, at least. */
    @ParameterizedTest
    @ValueSource(strings = {"email-addresses", "phone-numbers", "government-issued-ids", "names", "dates-of-birth",
            "places-of-birth", "physical-addresses", "ethnicities", "political-affiliations", "criminal-records",
            "police-reports", "location-history", "travel-records", "financial-records", "employers", "passwords",
            "usernames"})
    void eachPageSaysWhatAnAttackerCanDoHowSeriousItIsAndTheStepsToTake(String slug) {
        for (String language : List.of("en", "zh-CN")) {
            Document page = Jsoup.parse(given().header("Accept-Language", language)
                    .when().get("/exposure/" + slug).then().statusCode(200).extract().asString());

            assertEquals(3, page.select("main section h2").size(), slug);
            assertTrue(page.selectFirst("#attacker-heading + p").text().length() > 40, "what an attacker can do");
            assertTrue(page.selectFirst(".level-line .level").hasText(), "how serious");
            assertTrue(page.select("ol.steps li").size() >= 2, "concrete steps");
            assertEquals(page.selectFirst("h1").text() + " · Leakwatch", page.title());
        }
    }

    @Test
    void theIndexListsEveryKindMostSeriousFirst() {
        Document page = Jsoup.parse(given().when().get("/exposure").then().statusCode(200).extract().asString());

        List<String> listed = page.select(".exposure-index h2 a").eachAttr("href");
        assertEquals(ExposureGuide.byUrgency().stream().map(dataClass -> "/exposure/" + dataClass.slug()).toList(), listed);
        assertEquals(DataClass.values().length, listed.size());
    }

    /** Where to turn in mainland China (and elsewhere), with what to write to an organisation and to the police. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theHelpPageNamesTheLinesAndTheRightsAndSaysWhatToWrite(String language) {
        Document page = Jsoup.parse(given().header("Accept-Language", language)
                .when().get("/exposure/help").then().statusCode(200).extract().asString());
        boolean chinese = language.startsWith("zh");

        String text = page.selectFirst("main").text();
        for (String line : List.of("96110", "110", "12377", "12321", "12348", "12389", "12300")) {
            assertTrue(text.contains(line), language + ": " + line);
        }
        assertTrue(text.contains("国家反诈中心"), "the anti-fraud app by its name");
        assertTrue(text.contains(chinese ? "《个人信息保护法》" : "Personal Information Protection Law"));
        assertEquals(6, page.select("main section.help-topic").size());
        assertEquals(2, page.select("pre.letter").size(), "a letter to the organisation and a request to the police");
        String police = page.select("pre.letter").get(1).wholeText();
        assertTrue(police.contains(chinese ? "书面受案回执" : "written receipt"), police);
        assertTrue(police.lines().count() > 8, "a letter of lines, not one paragraph: " + police);
        assertEquals(6, page.select("main h3").stream().filter(h -> h.text().equals(chinese ? "在其他地方" : "Elsewhere")).count(),
                "what applies elsewhere, for every topic");
        assertEquals(page.selectFirst("h1").text() + " · Leakwatch", page.title());
    }

    @Test
    void anUnknownKindIsNotFound() {
        given().when().get("/exposure/shoe-sizes").then().statusCode(404);
    }
}
