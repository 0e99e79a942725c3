package io.leakwatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language switch: a remembered choice, on every page, and never a way to another site. */
@QuarkusTest
class LanguageSwitchTest {

    @Test
    void choosingALanguageRemembersItAndReturnsToThePage() {
        Response response = given().redirects().follow(false)
                .when().get("/language/zh?back=/breaches")
                .then().statusCode(303).header("Cache-Control", "no-store").extract().response();

        assertTrue(response.header("Location").endsWith("/breaches"), response.header("Location"));
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.startsWith(LanguageChoice.COOKIE + "=zh;"), cookie);
        assertTrue(cookie.contains("Path=/") && cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax")
                && cookie.contains("HttpOnly"), cookie);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere.example", "javascript:alert(1)",
            "breaches", "/breaches\r\nSet-Cookie: x=y", ""})
    void aReturnAddressOutsideThisSiteLeadsHome(String back) {
        String location = given().redirects().follow(false).queryParam("back", back)
                .when().get("/language/en")
                .then().statusCode(303).extract().header("Location");

        assertTrue(location.matches("https?://[^/]+/"), "home, not " + location);
    }

    @Test
    void anUnknownLanguageIsNotFound() {
        given().redirects().follow(false).when().get("/language/fr").then().statusCode(404);
    }

    @Test
    void theCookieOutranksTheBrowsersLanguage() {
        Document page = Jsoup.parse(given().header("Accept-Language", "en-US").cookie(LanguageChoice.COOKIE, "zh")
                .when().get("/").then().statusCode(200).extract().asString());

        assertEquals("zh-Hans", page.selectFirst("html").attr("lang"));
        assertEquals("你的信息被泄露了吗？", page.selectFirst("h1").text());
        assertEquals("简体中文", page.selectFirst("nav.language-switch [aria-current]").text());
        assertEquals("/language/en?back=%2F", page.selectFirst("nav.language-switch a[lang=en]").attr("href"));
    }

    @Test
    void pagesSayTheyDifferByLanguage() {
        given().when().get("/exposure").then().statusCode(200)
                .header("Vary", containsString("Accept-Language"))
                .header("Vary", containsString("Cookie"));
    }

    @Test
    void errorPagesAreTranslatedAndKeepTheSwitch() {
        Document page = Jsoup.parse(given().header("Accept-Language", "zh-CN")
                .when().get("/no/such/page").then().statusCode(404).extract().asString());

        assertEquals("找不到页面", page.selectFirst("h1").text());
        assertEquals("找不到页面 · Leakwatch", page.title());
        assertEquals("/language/en?back=%2Fno%2Fsuch%2Fpage", page.selectFirst("nav.language-switch a[lang=en]").attr("href"));
    }

    @Test
    void theAdminAreaIsInTheReadersLanguageWithTheSwitchAndNoSiteNavigation() {
        Document page = Jsoup.parse(given().header("Accept-Language", "zh-CN")
                .when().get("/admin/sign-in").then().statusCode(200).extract().asString());

        assertEquals("zh-Hans", page.selectFirst("html").attr("lang"));
        assertEquals("管理员登录", page.selectFirst("h1").text());
        assertEquals("/language/en?back=%2Fadmin%2Fsign-in", page.selectFirst("nav.language-switch a[lang=en]").attr("href"));
        assertNull(page.selectFirst("nav.site-nav"), "the public site's navigation is not the admin area's");

        Document chosen = Jsoup.parse(given().cookie(LanguageChoice.COOKIE, "en").header("Accept-Language", "zh-CN")
                .when().get("/admin/sign-in").then().statusCode(200).extract().asString());
        assertEquals("Admin sign-in", chosen.selectFirst("h1").text(), "the switch's choice wins over the browser's");
    }
}
