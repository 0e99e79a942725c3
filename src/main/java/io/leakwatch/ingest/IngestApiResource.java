package io.leakwatch.ingest;

import io.leakwatch.admin.AdminRole;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachMetadata;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.UUID;

/**
 * The automation API for loading breaches: token-authenticated, the same actions as the admin pages.
 * Errors are problem details whose {@code detail} is a sentence an operator can act on.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRole.ADMIN)
@Tag(name = "Admin")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
public class IngestApiResource {

    private final IngestActions actions;
    private final UploadRecords uploads;

    public IngestApiResource(IngestActions actions, UploadRecords uploads) {
        this.actions = actions;
        this.uploads = uploads;
    }

    @POST
    @Path("/breaches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a breach, not yet public",
            description = "Have I Been Pwned's field names; DataClasses as slugs or as HIBP's names, in any case. The breach"
                    + " becomes public when an upload of it is published.")
    @APIResponse(responseCode = "201", description = "Added; Location names it.")
    @APIResponse(responseCode = "400", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    @APIResponse(responseCode = "413", ref = "Problem")
    public Response createBreach(BreachMetadata metadata) {
        if (metadata == null) {
            throw new IngestActions.Refused(400, "Send the breach as a JSON object (Name, Title, BreachDate, ...).");
        }
        Breach breach = actions.createBreach(metadata);
        return Response.created(URI.create("/api/admin/breaches/" + breach.name))
                .entity(Map.of("Name", breach.name, "Id", breach.id)).build();
    }

    /**
     * Uploads a file for a breach; the body is the file, streamed to disk. Staging starts at once.
     * Accounts CSV columns can be mapped with {@code column=NAME:TYPE} (email, phone, national-id,
     * username, password) and {@code dataClassColumn=NAME:slug}; without them they are recognised
     * from the header.
     */
    @POST
    @Path("/breaches/{name}/uploads")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Uploads a file of a breach; staging starts at once",
            description = "The body is the file (plain or gzip), streamed to disk. format: accounts-csv, identifiers, sha1,"
                    + " sha1-count, ntlm, ntlm-count, passwords; target: passwords or accounts; type: email, phone,"
                    + " national-id, username.")
    @APIResponse(responseCode = "202", description = "Received; staging. Location is the upload.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "400", ref = "Problem")
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "507", ref = "Problem")
    public Response upload(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("target") String target, @QueryParam("type") String type,
                           @QueryParam("column") List<String> columns,
                           @QueryParam("dataClassColumn") List<String> dataClassColumns,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        Upload upload = actions.upload(name, format, target, type, columns, dataClassColumns, body,
                length == null ? OptionalLong.empty() : OptionalLong.of(length));
        return Response.accepted(uploads.view(upload)).location(URI.create("/api/admin/uploads/" + upload.id)).build();
    }

    @GET
    @Path("/uploads/{id}")
    @Operation(summary = "An upload's state, progress and validation report")
    @APIResponse(responseCode = "200", description = "The upload.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", ref = "Problem")
    public UploadView upload(@PathParam("id") UUID id) {
        return uploads.view(existing(id));
    }

    @POST
    @Path("/uploads/{id}/publish")
    @Operation(summary = "Publishes a staged upload: a new generation of the index")
    @APIResponse(responseCode = "202", description = "Publishing.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    public Response publish(@PathParam("id") UUID id) {
        existing(id);
        actions.publish(id);
        return Response.accepted(uploads.view(existing(id))).build();
    }

    @POST
    @Path("/uploads/{id}/discard")
    @Operation(summary = "Discards a staged upload")
    @APIResponse(responseCode = "200", description = "Discarded.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", ref = "Problem")
    @APIResponse(responseCode = "409", ref = "Problem")
    public UploadView discard(@PathParam("id") UUID id) {
        existing(id);
        actions.discard(id);
        return uploads.view(existing(id));
    }

    @POST
    @Path("/uploads/{id}/cancel")
    @Operation(summary = "Cancels an upload that is being received or staged")
    @APIResponse(responseCode = "202", description = "Cancelling.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", ref = "Problem")
    public Response cancel(@PathParam("id") UUID id) {
        existing(id);
        actions.cancel(id);
        return Response.accepted(uploads.view(existing(id))).build();
    }

    @DELETE
    @Path("/breaches/{name}")
    @Operation(summary = "Removes a breach from the index (a new generation without it)")
    @APIResponse(responseCode = "202", description = "Removal requested.")
    @APIResponse(responseCode = "404", ref = "Problem")
    public Response remove(@PathParam("name") String name) {
        actions.remove(name);
        return Response.accepted().build();
    }

    private Upload existing(UUID id) {
        return uploads.find(id).orElseThrow(() -> new IngestActions.Refused(404, "No such upload."));
    }
}
