package io.leakwatch.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakwatch.identifier.PhoneRules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The phone-number rules the browser's normaliser needs, serialised once from libphonenumber. They
 * change only with the library, so browsers may keep them for a day and revalidate by ETag.
 */
@Path("/check/phone-rules.json")
public class PhoneRulesResource {

    private final byte[] body;
    private final EntityTag etag;

    public PhoneRulesResource(ObjectMapper json) throws JsonProcessingException {
        this.body = json.writeValueAsString(PhoneRules.forDefaultRegion()).getBytes(StandardCharsets.UTF_8);
        this.etag = new EntityTag(sha256Hex(body).substring(0, 16));
    }

    @GET
    public Response rules(Request request) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(body).type("application/json; charset=UTF-8");
        return response.tag(etag).header("Cache-Control", "public, max-age=86400").build();
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
