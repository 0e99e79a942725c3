package io.leakwatch.ingest;

import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachMetadata;
import io.leakwatch.breach.BreachRegistry;
import io.leakwatch.breach.DuplicateBreachException;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.web.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The automation API for loading breaches: token-authenticated, the same flow as the admin pages.
 * Errors are plain-text sentences an operator can act on.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRole.ADMIN)
public class IngestApiResource {

    private final BreachRegistry breaches;
    private final IngestService ingest;
    private final UploadRecords uploads;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public IngestApiResource(BreachRegistry breaches, IngestService ingest, UploadRecords uploads, AuditLog audit,
                             SecurityIdentity identity, HttpServerRequest request) {
        this.breaches = breaches;
        this.ingest = ingest;
        this.uploads = uploads;
        this.audit = audit;
        this.identity = identity;
        this.request = request;
    }

    @POST
    @Path("/breaches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createBreach(@Valid BreachMetadata metadata) {
        try {
            Breach breach = breaches.create(metadata);
            record(AuditAction.BREACH_CREATED, breach.name);
            return Response.created(URI.create("/api/admin/breaches/" + breach.name))
                    .entity(Map.of("Name", breach.name, "Id", breach.id)).build();
        } catch (DuplicateBreachException e) {
            return problem(Response.Status.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
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
    public Response upload(@PathParam("name") String name, @QueryParam("format") String formatName,
                           @QueryParam("target") String targetName, @QueryParam("type") String typeName,
                           @QueryParam("column") List<String> columns, @QueryParam("dataClassColumn") List<String> dataClassColumns,
                           InputStream body) {
        Optional<Breach> breach = breaches.byName(name);
        if (breach.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No breach is named " + name + ".");
        }
        Optional<IngestFormat> format = Optional.ofNullable(formatName).flatMap(IngestFormat::ofWireName);
        if (format.isEmpty()) {
            return problem(Response.Status.BAD_REQUEST, "format must be one of accounts-csv, identifiers, sha1, sha1-count,"
                    + " ntlm, ntlm-count, passwords.");
        }
        IngestTarget target = IngestTarget.PASSWORDS;
        if (targetName != null) {
            try {
                target = IngestTarget.valueOf(targetName.toUpperCase());
            } catch (IllegalArgumentException e) {
                return problem(Response.Status.BAD_REQUEST, "target must be passwords or accounts.");
            }
        }
        if (target == IngestTarget.ACCOUNTS && (format.get() == IngestFormat.NTLM || format.get() == IngestFormat.NTLM_COUNT)) {
            return problem(Response.Status.BAD_REQUEST, "Accounts are indexed by SHA-1; NTLM hashes can only be passwords.");
        }
        IdentifierType type = null;
        if (format.get() == IngestFormat.IDENTIFIERS) {
            type = Optional.ofNullable(typeName).flatMap(IdentifierType::fromSlug)
                    .filter(t -> t != IdentifierType.PASSWORD).orElse(null);
            if (type == null) {
                return problem(Response.Status.BAD_REQUEST, "type must be email, phone, national-id or username.");
            }
        }
        ColumnMapping mapping;
        try {
            mapping = columnMapping(columns, dataClassColumns);
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
        Upload upload = ingest.create(breach.get(), format.get(), new UploadOptions(target, type, mapping), actor());
        try {
            upload = ingest.receive(upload.id, body);
        } catch (IngestException e) {
            record(AuditAction.UPLOAD_REFUSED, name + " " + format.get().wireName() + ": " + e.getMessage());
            return problem(Response.Status.BAD_REQUEST, e.getMessage());
        }
        record(AuditAction.UPLOAD_RECEIVED, name + " " + format.get().wireName() + ", " + upload.uploadBytes
                + " bytes, upload " + upload.id);
        return Response.accepted(uploads.view(upload)).location(URI.create("/api/admin/uploads/" + upload.id)).build();
    }

    @GET
    @Path("/uploads/{id}")
    public Response upload(@PathParam("id") UUID id) {
        return uploads.find(id).map(upload -> Response.ok(uploads.view(upload)).build())
                .orElseGet(() -> problem(Response.Status.NOT_FOUND, "No such upload."));
    }

    @POST
    @Path("/uploads/{id}/publish")
    public Response publish(@PathParam("id") UUID id) {
        if (uploads.find(id).isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No such upload.");
        }
        if (!ingest.publish(id)) {
            return problem(Response.Status.CONFLICT, "Only a staged upload can be published.");
        }
        record(AuditAction.UPLOAD_PUBLISH_REQUESTED, "upload " + id);
        return Response.accepted(uploads.view(uploads.find(id).orElseThrow())).build();
    }

    @POST
    @Path("/uploads/{id}/discard")
    public Response discard(@PathParam("id") UUID id) {
        if (uploads.find(id).isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No such upload.");
        }
        if (!ingest.discard(id)) {
            return problem(Response.Status.CONFLICT, "Only a staged upload can be discarded; cancel one that is staging.");
        }
        record(AuditAction.UPLOAD_DISCARDED, "upload " + id);
        return Response.ok(uploads.view(uploads.find(id).orElseThrow())).build();
    }

    @POST
    @Path("/uploads/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id) {
        if (uploads.find(id).isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No such upload.");
        }
        ingest.cancel(id);
        record(AuditAction.UPLOAD_CANCELLED, "upload " + id);
        return Response.accepted(uploads.view(uploads.find(id).orElseThrow())).build();
    }

    @DELETE
    @Path("/breaches/{name}")
    public Response remove(@PathParam("name") String name) {
        Optional<Breach> breach = breaches.byName(name);
        if (breach.isEmpty()) {
            return problem(Response.Status.NOT_FOUND, "No breach is named " + name + ".");
        }
        ingest.remove(breach.get(), actor());
        record(AuditAction.BREACH_REMOVAL_REQUESTED, breach.get().name);
        return Response.accepted().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private void record(AuditAction action, String subject) {
        audit.record(actor(), action, subject, ClientAddress.of(request).address());
    }

    private static ColumnMapping columnMapping(List<String> columns, List<String> dataClassColumns) {
        Map<String, IdentifierType> identifiers = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split(":", 2);
            IdentifierType type = parts.length == 2 ? IdentifierType.fromSlug(parts[1]).orElse(null) : null;
            if (type == null) {
                throw new IllegalArgumentException("column must be NAME:TYPE with TYPE email, phone, national-id,"
                        + " username or password, not " + column + ".");
            }
            identifiers.put(parts[0], type);
        }
        Map<String, List<String>> dataClasses = new LinkedHashMap<>();
        for (String column : dataClassColumns) {
            String[] parts = column.split(":", 2);
            if (parts.length != 2 || io.leakwatch.breach.DataClass.ofSlug(parts[1]).isEmpty()) {
                throw new IllegalArgumentException("dataClassColumn must be NAME:slug with a known data class, not "
                        + column + ".");
            }
            dataClasses.computeIfAbsent(parts[0], k -> new java.util.ArrayList<>()).add(parts[1]);
        }
        return new ColumnMapping(identifiers, dataClasses);
    }

    private static Response problem(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
