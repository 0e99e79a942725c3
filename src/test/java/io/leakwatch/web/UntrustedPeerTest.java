package io.leakwatch.web;

import io.leakwatch.testing.AdminBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A portal whose trusted proxy is elsewhere: the test's loopback connection is an ordinary client, and
 * the forwarding headers it sends change nothing.
 */
@QuarkusTest
@TestProfile(UntrustedPeerTest.ProxyElsewhere.class)
class UntrustedPeerTest {

    public static class ProxyElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leakwatch.trusted-proxies", "192.0.2.0/24");
        }
    }

    @Test
    void aClientNamingAnotherAddressIsStillCountedUnderItsOwn() {
        for (int i = 0; i < 5; i++) {
            assertEquals(404, given().header("X-Forwarded-For", AdminBrowser.newClientAddress())
                    .header("Forwarded", "for=\"[" + AdminBrowser.newClientAddress() + "]\"").get("/rate-limit-probe/" + i).statusCode());
        }

        assertEquals(429, given().header("X-Forwarded-For", AdminBrowser.newClientAddress()).get("/rate-limit-probe/6").statusCode(),
                "every request came from 127.0.0.1");
    }

    @Test
    void itsXForwardedProtoDoesNotMakeCookiesSecureNorBringHsts() {
        var response = given().header("X-Forwarded-Proto", "https").get("/notify");

        assertFalse(response.detailedCookies().get(PublicFormCsrf.COOKIE).isSecured());
        assertNull(response.header("Strict-Transport-Security"));
    }
}
