package io.leakwatch.breach;

import io.leakwatch.admin.account.AdminAccounts;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexFixture;
import io.leakwatch.testing.AdminApi;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.TestAdmins;
import io.leakwatch.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.leakwatch.testing.AdminApi.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Breach metadata from admins: the form and the API are checked by one validation and refuse the same
 * things with the same words; descriptions are HTML, sanitised when given and rendered as HTML.
 */
@QuarkusTest
class BreachMetadataTest {

    private static final String HOSTILE = "<p onclick=\"steal()\">Leaked by <em>insiders</em>, see "
            + "<a href=\"https://example.org/notice\" target=\"_blank\">the notice</a> "
            + "<a href=\"javascript:steal()\">and this</a>.</p><script>steal()</script>"
            + "<img src=\"https://tracker.example/p.gif\"><style>body{display:none}</style>";

    @Inject
    AdminApi adminApi;

    @Inject
    AdminAccounts accounts;

    @Inject
    BreachRegistry registry;

    @Inject
    IndexFixture index;

    private String token;
    private AdminBrowser browser;

    @BeforeEach
    void admin() {
        token = adminApi.newToken();
        browser = TestAdmins.signedIn(accounts, "metadata");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            a name with a space         | Bad name      | Title             | -              | 2024-01-01 | Name: letters, digits, dot, dash or underscore
            no title                    | -             | '  '              | -              | 2024-01-01 | Title: must not be blank
            a title over 200 characters | -             | LONG              | -              | 2024-01-01 | Title: size must be between 0 and 200
            a line break in the title   | -             | Police\\r\\nBcc:x | -              | 2024-01-01 | Title: no control characters or line breaks
            a domain that is no domain  | -             | Title             | not a domain!  | 2024-01-01 | Domain: a domain name such as example.org
            a breach in the future      | -             | Title             | -              | FUTURE     | BreachDate: must be a date in the past or in the present
            """)
    void theFormAndTheApiRefuseTheSameThingsInTheSameWords(String name, String typedName, String title, String domain, String date,
                                                           String reason) {
        String breachName = typedName == null ? IndexFixture.uniqueName("Refused") : typedName;
        String breachTitle = switch (title) {
            case "LONG" -> "T".repeat(201);
            default -> title.replace("\\r", "\r").replace("\\n", "\n");
        };
        String breachDate = date.equals("FUTURE") ? LocalDate.now().plusDays(2).toString() : date;
        Map<String, Object> json = new HashMap<>(Map.of("Name", breachName, "Title", breachTitle, "BreachDate", breachDate));
        Map<String, String> form = new HashMap<>(Map.of("name", breachName, "title", breachTitle, "breachDate", breachDate));
        if (domain != null) {
            json.put("Domain", domain);
            form.put("domain", domain);
        }

        Response fromApi = as(token).contentType("application/json").body(json).post("/api/admin/breaches");
        Response fromForm = browser.submit("/admin/breaches", "/admin/breaches", form);

        assertEquals(400, fromApi.statusCode(), name);
        assertEquals(400, fromForm.statusCode(), name);
        String detail = fromApi.jsonPath().getString("detail");
        assertTrue(detail.contains(reason), detail);
        Element problem = Jsoup.parse(fromForm.asString()).selectFirst(".problem");
        assertNotNull(problem, name);
        assertEquals(detail, problem.text(), "the same words from the form and the API");
        assertTrue(registry.byName(breachName).isEmpty(), "nothing was created");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            slugs                         | phone-numbers  | government-issued-ids
            HIBP names                    | Phone numbers  | Government issued IDs
            names in another case         | PHONE NUMBERS  | government ISSUED ids
            slugs in another case, spaced | ' Phone-Numbers' | GOVERNMENT-ISSUED-IDS
            one of each                   | Phone numbers  | government-issued-ids
            """)
    void dataClassesAreTakenAsSlugsOrAsHibpNamesInAnyCase(String how, String first, String second) {
        String name = IndexFixture.uniqueName("Classes");

        as(token).contentType("application/json")
                .body(Map.of("Name", name, "Title", "Classes", "BreachDate", "2024-01-01", "DataClasses", List.of(first, second)))
                .post("/api/admin/breaches").then().statusCode(201);

        assertEquals(List.of("government-issued-ids", "phone-numbers"), registry.byName(name).orElseThrow().dataClasses, how);
    }

    @Test
    void anUnknownDataClassIsRefusedNamingTheValidOnes() {
        String name = IndexFixture.uniqueName("Unknown");

        Response refused = as(token).contentType("application/json")
                .body(Map.of("Name", name, "Title", "Unknown", "BreachDate", "2024-01-01",
                        "DataClasses", List.of("Phone numbers", "Shoe sizes")))
                .post("/api/admin/breaches");

        assertEquals(400, refused.statusCode());
        String reason = refused.jsonPath().getString("detail");
        assertTrue(reason.contains("DataClasses: unknown Shoe sizes;"), reason);
        for (DataClass known : DataClass.values()) {
            assertTrue(reason.contains(known.slug() + " (" + known.displayName() + ")"), known + " named in: " + reason);
        }
        assertTrue(registry.byName(name).isEmpty(), "nothing was created");
    }

    /** What one portal's API answers, another portal's API takes: read a breach, post it back under a new name. */
    @Test
    void aBreachReadFromTheApiCanBePostedBackAsItIs() {
        Breach original = index.publishBreach(IndexFixture.uniqueName("Original"), b -> {
            b.domain = "police.example.org";
            b.description = "<p>Records of a <em>city</em> police.</p>";
            b.dataClasses = List.of("criminal-records", "names", "phone-numbers");
            b.verified = true;
        }, List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));
        Map<String, Object> read = given().get("/api/v1/breach/" + original.name).then().statusCode(200)
                .extract().jsonPath().getMap("");
        String copy = IndexFixture.uniqueName("Copy");
        Map<String, Object> renamed = new HashMap<>(read);
        renamed.put("Name", copy);

        as(token).contentType("application/json").body(renamed).post("/api/admin/breaches").then().statusCode(201);

        Breach created = registry.byName(copy).orElseThrow();
        assertEquals(List.of("Criminal records", "Names", "Phone numbers"), read.get("DataClasses"));
        assertEquals(original.dataClasses, created.dataClasses);
        assertEquals(original.title, created.title);
        assertEquals(original.domain, created.domain);
        assertEquals(original.breachDate, created.breachDate);
        assertEquals(original.description, created.description);
        assertEquals(original.verified, created.verified);
    }

    @Test
    void aDescriptionIsSanitisedWhenGivenThroughTheApiOrTheForm() {
        String fromApi = IndexFixture.uniqueName("Html");
        as(token).contentType("application/json")
                .body(Map.of("Name", fromApi, "Title", "HTML", "BreachDate", "2024-01-01", "Description", HOSTILE))
                .post("/api/admin/breaches").then().statusCode(201);
        String fromForm = IndexFixture.uniqueName("HtmlForm");
        assertEquals(303, browser.submit("/admin/breaches", "/admin/breaches", Map.of("name", fromForm, "title", "HTML",
                "breachDate", "2024-01-01", "description", HOSTILE)).statusCode());

        for (String name : List.of(fromApi, fromForm)) {
            String stored = registry.byName(name).orElseThrow().description;
            assertEquals("<p>Leaked by <em>insiders</em>, see <a href=\"https://example.org/notice\" rel=\"nofollow noopener noreferrer\">"
                    + "the notice</a> <a rel=\"nofollow noopener noreferrer\">and this</a>.</p>", stored, name);
        }
    }

    /** Title and description per language: the HIBP fields in English, the others under Translations, from the form or the API. */
    @Test
    void aTranslationIsGivenThroughTheApiOrTheFormAndSanitisedLikeTheDescription() {
        String fromApi = IndexFixture.uniqueName("Translated");
        as(token).contentType("application/json")
                .body(Map.of("Name", fromApi, "Title", "Police database", "BreachDate", "2024-01-01", "Description", "Names.",
                        "Translations", Map.of("zh", Map.of("Title", "公安数据库", "Description", HOSTILE))))
                .post("/api/admin/breaches").then().statusCode(201);
        String fromForm = IndexFixture.uniqueName("TranslatedForm");
        assertEquals(303, browser.submit("/admin/breaches", "/admin/breaches", Map.of("name", fromForm, "title", "Police database",
                "breachDate", "2024-01-01", "description", "Names.", "titleZh", "公安数据库", "descriptionZh", HOSTILE)).statusCode());

        for (String name : List.of(fromApi, fromForm)) {
            Breach breach = registry.byName(name).orElseThrow();
            assertEquals("Police database", breach.title, "Title stays English");
            assertEquals("公安数据库", breach.titleIn(Language.CHINESE));
            assertEquals("Police database", breach.titleIn(Language.ENGLISH));
            assertTrue(breach.descriptionIn(Language.CHINESE).startsWith("<p>Leaked by <em>insiders</em>"), name);
            assertTrue(!breach.descriptionIn(Language.CHINESE).contains("script"), "sanitised like the description");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown language       | fr | 公安数据库 | Translations: [fr] is not one of [zh]
            English, which Title is   | en | Police     | Translations: [en] is not one of [zh]
            a translation without one | zh | '  '       | Translations[zh].Title: must not be blank
            """)
    void aTranslationIsRefusedWithAReason(String name, String language, String title, String reason) {
        String breachName = IndexFixture.uniqueName("BadTranslation");
        Response refused = as(token).contentType("application/json")
                .body(Map.of("Name", breachName, "Title", "Police database", "BreachDate", "2024-01-01",
                        "Translations", Map.of(language, Map.of("Title", title))))
                .post("/api/admin/breaches");
        assertEquals(400, refused.statusCode(), name);
        assertTrue(refused.asString().contains(reason), refused.asString());
        assertTrue(registry.byName(breachName).isEmpty(), "nothing was created");
    }

    @Test
    void thePortalRendersTheDescriptionAsHtmlAndNeverItsScripts() {
        // Stored as an earlier version would have stored it: unsanitised
        Breach breach = index.publishBreach(IndexFixture.uniqueName("Rendered"), stored -> stored.description = HOSTILE,
                List.of(IndexFixture.randomHash(HashKind.ACCOUNT)));

        Document page = Jsoup.parse(given().get("/breaches/" + breach.name).then().statusCode(200).extract().asString());

        Element description = page.selectFirst(".lead");
        assertNotNull(description);
        assertEquals("insiders", description.selectFirst("em").text(), "markup is rendered, not shown as tags");
        assertEquals("https://example.org/notice", description.selectFirst("a[href]").attr("href"));
        assertTrue(description.text().startsWith("Leaked by insiders, see the notice"), description.text());
        assertNull(page.selectFirst("[onclick], img[src*=tracker], a[href^=javascript]"), "no script reaches the page");
        assertTrue(page.select("script").stream().allMatch(script -> script.hasAttr("src")), "no inline script");
        assertTrue(page.select("style").isEmpty());
    }
}
