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
    public UploadView upload(@PathParam("id") UUID id) {
        return uploads.view(existing(id));
    }

    @POST
    @Path("/uploads/{id}/publish")
    public Response publish(@PathParam("id") UUID id) {
        existing(id);
        actions.publish(id);
        return Response.accepted(uploads.view(existing(id))).build();
    }

    @POST
    @Path("/uploads/{id}/discard")
    public UploadView discard(@PathParam("id") UUID id) {
        existing(id);
        actions.discard(id);
        return uploads.view(existing(id));
    }

    @POST
    @Path("/uploads/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id) {
        existing(id);
        actions.cancel(id);
        return Response.accepted(uploads.view(existing(id))).build();
    }

    @DELETE
    @Path("/breaches/{name}")
    public Response remove(@PathParam("name") String name) {
        actions.remove(name);
        return Response.accepted().build();
    }

    private Upload existing(UUID id) {
        return uploads.find(id).orElseThrow(() -> new IngestActions.Refused(404, "No such upload."));
    }
}
