package io.leakwatch.check;

import io.leakwatch.oprf.OprfKey;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.OperatorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A portal started with LEAKWATCH_OPRF_KEY and a node-wide limit of 5 evaluations an hour: the key
 * from the environment wins over the key file, and the limit holds for all addresses together.
 */
@QuarkusTest
@TestProfile(OperatorSettings.class)
class OprfNodeLimitTest {

    /** The key of RFC 9497's P256-SHA256 OPRF test vectors (Appendix A.3.1). */
    private static final String VECTOR_KEY = OperatorSettings.OPRF_KEY;
    private static final int NODE_LIMIT = OperatorSettings.OPRF_NODE_LIMIT;

    @Inject
    MeterRegistry registry;

    @Test
    void everyBucketNamesTheEnvironmentKey() {
        assertEquals(OprfKey.ofHex(VECTOR_KEY).id(),
                given().get("/api/v1/oprf/buckets/12345").then().statusCode(200).extract().jsonPath().getString("keyId"));
    }

    @Test
    void theEnvironmentKeyEvaluatesAsTheRfcSaysAndTheNodeLimitHoldsForAllAddressesTogether() {
        // RFC 9497 test vector 1: the blinded element of input 00, and its evaluation under the vector key
        String blinded = base64url("03723a1e5c09b8b9c18d1dcbca29e8007e95f14f4732d9346d490ffc195110368d");
        double limitedBefore = registry.counter("leakwatch.oprf.evaluations", "outcome", "limited-total").count();
        int allowed = 0;
        Response response = evaluate(AdminBrowser.newClientAddress(), blinded);
        assertEquals(200, response.statusCode());
        assertEquals(base64url("030de02ffec47a1fd53efcdd1c6faf5bdc270912b8749e783c7ca75bb412958832"),
                response.jsonPath().getString("evaluated"));
        assertEquals(OprfKey.ofHex(VECTOR_KEY).id(), response.jsonPath().getString("keyId"));
        while (response.statusCode() == 200) {
            allowed++;
            assertTrue(allowed <= NODE_LIMIT, "no more than " + NODE_LIMIT + " evaluations pass");
            response = evaluate(AdminBrowser.newClientAddress(), blinded);
        }

        assertEquals(429, response.statusCode(), "every request came from another network, yet the node said no");
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 720, "one evaluation back every 3600 s / 5, not " + retryAfter);
        if (allowed == NODE_LIMIT) { // a full bucket when this test began (other tests of this profile may spend from it)
            assertTrue(retryAfter > 600, "the first of this test's evaluations comes back first, not in " + retryAfter + " s");
        }
        assertTrue(response.jsonPath().getString("detail").startsWith("The portal is answering as many checks as it can"));
        assertEquals(limitedBefore + 1, registry.counter("leakwatch.oprf.evaluations", "outcome", "limited-total").count());
        given().get("/api/v1/oprf/buckets/ABCDE").then().statusCode(200);
    }

    private static Response evaluate(String address, String element) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("element", element)).post("/api/v1/oprf/evaluate");
    }

    private static String base64url(String hex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(hex));
    }
}
