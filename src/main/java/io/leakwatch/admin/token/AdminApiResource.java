package io.leakwatch.admin.token;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API, authenticated by bearer token. {@code whoami} says whom the token belongs to; the
 * features that automate (such as loading breaches) add their endpoints under {@code /api/admin}.
 */
@Path(AdminPaths.API)
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
public class AdminApiResource {

    private final SecurityIdentity identity;

    public AdminApiResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Path("whoami")
    @Operation(summary = "Whom the token belongs to")
    @APIResponse(responseCode = "200", description = "The token's name and its admin (none for LEAKWATCH_ADMIN_TOKEN).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhoAmI.class)))
    public WhoAmI whoami() {
        ApiCaller caller = ApiCaller.of(identity);
        return new WhoAmI(caller.tokenName(), caller.ownerUsername());
    }

    /** {@code admin} is null for the token from {@code LEAKWATCH_ADMIN_TOKEN}. */
    public record WhoAmI(String token, String admin) {
    }
}
