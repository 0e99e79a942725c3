package io.leakwatch.web;

import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /q/metrics names routes, not requests: asking for many range prefixes, breach names, upload ids and
 * tokens adds no series per value (each would be a new time series in Prometheus for ever, and a list
 * of what was looked up).
 */
@QuarkusTest
class MetricsCardinalityTest {

    private static final Pattern URI_TAG = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"", Pattern.MULTILINE);

    @Test
    void everyPathParameterIsCountedUnderItsRouteTemplate() {
        Random random = new Random(7);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String prefix = HexFormat.of().withUpperCase().toHexDigits(random.nextInt(1 << 20)).substring(3);
            String name = "Breach" + Integer.toHexString(random.nextInt());
            String id = UUID.randomUUID().toString();
            asked.addAll(List.of(prefix, name, id));
            for (String path : List.of("/range/" + prefix, "/range/" + prefix + "?mode=ntlm", "/api/v1/range/search/" + prefix,
                    "/api/v1/oprf/buckets/" + prefix,
                    "/breaches/" + name, "/api/v1/breach/" + name, "/exposure/" + name, "/api/admin/uploads/" + id,
                    "/admin/uploads/" + id, "/notify/verify?token=" + id, "/range/not-a-prefix-" + id, "/no-such-page-" + id,
                    "/css/" + id + ".css")) {
                given().redirects().follow(false).header("X-Forwarded-For", AdminBrowser.newClientAddress()).get(path);
            }
        }

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher matcher = URI_TAG.matcher(metrics);
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }

        for (String value : asked) {
            assertTrue(uris.stream().noneMatch(uri -> uri.contains(value)), "no series names " + value + ": " + uris);
        }
        Map<String, String> templates = Map.of("/api/v1/range/search/", "/api/v1/range/search/{prefix}",
                "/api/v1/oprf/buckets/", "/api/v1/oprf/buckets/{bucket}",
                "/breaches/", "/breaches/{name}", "/api/v1/breach/", "/api/v1/breach/{name}", "/exposure/", "/exposure/{slug}",
                "/api/admin/uploads/", "/api/admin/uploads/{id}", "/admin/uploads/", "/admin/uploads/{id}");
        templates.forEach((prefix, template) -> {
            Set<String> under = uris.stream().filter(uri -> uri.startsWith(prefix)).collect(Collectors.toSet());
            assertTrue(under.contains(template), template + " counts the requests under " + prefix + ": " + under);
            assertTrue(under.stream().allMatch(uri -> uri.contains("{")), "only route templates under " + prefix + ": " + under);
        });
        // Password ranges skip the per-request timer and are counted by mode and status alone
        assertTrue(uris.stream().noneMatch(uri -> uri.startsWith("/range/")), "no timer series for /range: " + uris);
        List<String> rangeCounts = metrics.lines().filter(line -> line.startsWith("leakwatch_range_requests_total{")).toList();
        assertTrue(!rangeCounts.isEmpty(), "range answers are counted");
        assertTrue(rangeCounts.stream().allMatch(line -> line.matches("leakwatch_range_requests_total\\{mode=\"(sha1|ntlm)\",status=\"\\d{3}\"} \\S+")),
                "range answers are counted by mode and status only: " + rangeCounts);
        assertTrue(uris.stream().noneMatch(uri -> uri.startsWith("/no-such-page") || uri.startsWith("/css/") && uri.contains("-")),
                "unknown paths are NOT_FOUND: " + uris);
        System.out.printf("figure: %d uri values in /q/metrics after 520 requests with distinct path values (and the suite's others)%n",
                uris.size());
    }
}
