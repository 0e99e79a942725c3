package io.leakwatch.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A portal with the settings an operator may change away from the defaults, shared by the tests of
 * those settings so that the suite starts one more portal, not one per setting: the email account
 * search turned on, the OPRF key from the environment (the key of RFC 9497's P256-SHA256 test
 * vectors), and a node-wide limit of 5 evaluations an hour.
 */
public class OperatorSettings implements QuarkusTestProfile {

    public static final String OPRF_KEY = "159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf";
    public static final int OPRF_NODE_LIMIT = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("leakwatch.index.account-search-emails", "true",
                "leakwatch.oprf.key", OPRF_KEY,
                "leakwatch.oprf.total-requests", Integer.toString(OPRF_NODE_LIMIT),
                "leakwatch.oprf.total-per", "1H");
    }
}
