package io.leakwatch.testing;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * A browser for admin-page tests: keeps its cookies like a browser, never follows redirects (tests
 * assert the 303s), and comes from its own client address (sent as X-Forwarded-For, which the test
 * profile trusts) so that per-address throttling and rate limits of one test never touch another.
 */
public final class AdminBrowser {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final String address;
    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private AdminBrowser(String address) {
        this.address = address;
    }

    /** A browser with no cookies, from an address no other browser of this run uses. */
    public static AdminBrowser fresh() {
        return new AdminBrowser(newClientAddress());
    }

    /** A browser with no cookies, from {@code address} (another browser's, say). */
    public static AdminBrowser from(String address) {
        return new AdminBrowser(address);
    }

    /** A documentation-range IPv6 address (2001:db8::/32) unique to this run, each in its own /64. */
    public static String newClientAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "2001:db8:" + Integer.toHexString(n >>> 16) + ":" + Integer.toHexString(n & 0xffff) + "::1";
    }

    public String address() {
        return address;
    }

    /** Sends {@code name: value} with every later request. */
    public AdminBrowser withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    public Response post(String path, Map<String, String> form) {
        return remember(request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form).post(path));
    }

    /** Loads {@code pagePath}, then submits {@code fields} and the page's CSRF token to {@code action}. */
    public Response submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", csrfTokenOf(pagePath));
        return post(action, form);
    }

    public Response signIn(String username, String password) {
        return submit("/admin/sign-in", "/admin/sign-in", Map.of("username", username, "password", password));
    }

    /** The CSRF token in the forms of page {@code pagePath}. */
    public String csrfTokenOf(String pagePath) {
        Response page = get(pagePath);
        Element field = Jsoup.parse(page.asString()).selectFirst("input[name=csrf]");
        if (field == null) {
            throw new AssertionError("No CSRF field on " + pagePath + " (status " + page.statusCode() + ")");
        }
        return field.val();
    }

    /** A request with this browser's cookies and address, for what forms cannot send (a file as the body). */
    public RequestSpecification spec() {
        return request();
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private RequestSpecification request() {
        RequestSpecification spec = given().redirects().follow(false).header("X-Forwarded-For", address).cookies(cookies);
        headers.forEach(spec::header);
        return spec;
    }

    private Response remember(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
