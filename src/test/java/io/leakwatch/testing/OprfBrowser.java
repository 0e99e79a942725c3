package io.leakwatch.testing;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.oprf.OprfClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/**
 * Checks an identifier the way the browser does, in Java: normalise, SHA-1, bucket = first 5 hex
 * digits, blind, {@code POST /api/v1/oprf/check}, finalize, and match the output against the bucket's
 * entries locally. Each browser has a client address of its own.
 */
public final class OprfBrowser {

    private static final IdentifierNormaliser NORMALISER = new IdentifierNormaliser();

    private final String address;
    private final URI portal;

    /** A browser at {@code address} (sent as X-Forwarded-For, which the test profile trusts) checking the test portal. */
    public OprfBrowser(String address) {
        this(address, null);
    }

    private OprfBrowser(String address, URI portal) {
        this.address = address;
        this.portal = portal;
    }

    public static OprfBrowser withNewAddress() {
        return new OprfBrowser(AdminBrowser.newClientAddress());
    }

    /** A browser checking a portal running as a process of its own. */
    public static OprfBrowser against(URI portal) {
        return new OprfBrowser(AdminBrowser.newClientAddress(), portal);
    }

    /** The breach names the check shows for an identifier; empty when it is in no public breach. */
    public List<String> check(IdentifierType type, String identifier) {
        if (!(NORMALISER.normalise(type, identifier) instanceof NormalisationResult.Accepted accepted)) {
            throw new IllegalArgumentException("not a valid " + type.slug());
        }
        return check(IdentifierHashes.sha1(accepted.normalised())).orElse(List.of());
    }

    /** The same for an account SHA-1; empty when no entry of its bucket matches. */
    public Optional<List<String>> check(byte[] accountSha1) {
        OprfClient.Blinded blinded = OprfClient.blind(accountSha1);
        Response response = post(bucketOf(accountSha1), Base64.getUrlEncoder().withoutPadding().encodeToString(blinded.element()));
        if (response.statusCode() != 200) {
            throw new AssertionError("The check was refused: " + response.statusCode() + " " + response.asString());
        }
        Map<String, Object> body = response.jsonPath().getMap("");
        byte[] output = OprfClient.entryOutput(blinded, Base64.getUrlDecoder().decode((String) body.get("evaluated")));
        @SuppressWarnings("unchecked")
        Map<String, Object> bucket = (Map<String, Object>) body.get("bucket");
        return match(bucket, output);
    }

    /** The breach names of the entry whose output this is, if the bucket has it. */
    @SuppressWarnings("unchecked")
    public static Optional<List<String>> match(Map<String, Object> bucket, byte[] output) {
        List<String> breaches = (List<String>) bucket.get("breaches");
        for (List<Object> entry : (List<List<Object>>) bucket.get("entries")) {
            if (Arrays.equals(output, Base64.getUrlDecoder().decode((String) entry.get(0)))) {
                List<String> names = new ArrayList<>();
                for (Object index : (List<Object>) entry.get(1)) {
                    names.add(breaches.get((Integer) index));
                }
                return Optional.of(names);
            }
        }
        return Optional.empty();
    }

    public Response post(String bucket, String element) {
        RequestSpecification request = portal == null ? given() : given().baseUri(portal.toString());
        return request.header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("bucket", bucket, "element", element)).post("/api/v1/oprf/check");
    }

    public static String bucketOf(byte[] accountSha1) {
        return HexFormat.of().withUpperCase().formatHex(accountSha1).substring(0, 5);
    }
}
