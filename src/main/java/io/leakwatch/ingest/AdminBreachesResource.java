package io.leakwatch.ingest;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.session.SignedInAdmin;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachCatalogue;
import io.leakwatch.breach.BreachMetadata;
import io.leakwatch.breach.DataClass;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.jboss.resteasy.reactive.RestForm;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The admin pages for loading breaches: the catalogue with a form to add a breach, a breach's page
 * with its uploads and an upload form (a small script sends the file as the request body and shows
 * its progress), and an upload's page with live progress and the validation report.
 */
@Path(AdminPaths.PAGES)
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminBreachesResource {

    private final IngestActions actions;
    private final UploadRecords uploads;
    private final BreachCatalogue catalogue;
    private final SecurityIdentity identity;

    public AdminBreachesResource(IngestActions actions, UploadRecords uploads, BreachCatalogue catalogue,
                                 SecurityIdentity identity) {
        this.actions = actions;
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    /** A breach as the admin list shows it. */
    public record BreachRow(String name, String title, String status, long pwnCount) {
        static BreachRow of(Breach breach) {
            String status = switch (breach.status()) {
                case NOT_PUBLISHED -> "not published";
                case PUBLIC -> "published";
                case REMOVED -> "removed";
            };
            return new BreachRow(breach.name, breach.title, status, breach.pwnCount);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance breaches(SignedInAdmin admin, List<BreachRow> breaches, List<DataClass> dataClasses,
                                                String problem);

        static native TemplateInstance breach(SignedInAdmin admin, BreachRow breach, List<UploadView> uploads,
                                              List<String> formats);

        static native TemplateInstance upload(SignedInAdmin admin, UploadView upload, boolean active, String notice);
    }

    @GET
    @Path("/breaches")
    public TemplateInstance breaches() {
        return breachesPage(null);
    }

    @POST
    @Path("/breaches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createBreach(@RestForm String name, @RestForm String title, @RestForm String domain,
                                 @RestForm String breachDate, @RestForm String description,
                                 @RestForm List<String> dataClasses, @RestForm boolean sensitive,
                                 @RestForm boolean verified, @RestForm boolean fabricated) {
        LocalDate date;
        try {
            date = LocalDate.parse(breachDate);
        } catch (DateTimeParseException | NullPointerException e) {
            return Response.status(400).entity(breachesPage("The breach date must be a date like 2024-05-31.")).build();
        }
        try {
            Breach breach = actions.createBreach(new BreachMetadata(name, title, domain, date, description, dataClasses,
                    verified, fabricated, sensitive, false));
            return Response.seeOther(URI.create(AdminPaths.PAGES + "/breaches/" + breach.name)).build();
        } catch (IngestActions.Refused refused) {
            return Response.status(refused.status()).entity(breachesPage(refused.getMessage())).build();
        }
    }

    @GET
    @Path("/breaches/{name}")
    public TemplateInstance breach(@PathParam("name") String name) {
        Breach breach = actions.breach(name);
        return Templates.breach(admin(), BreachRow.of(breach),
                uploads.ofBreach(breach.id).stream().map(uploads::view).toList(),
                Arrays.stream(IngestFormat.values()).map(IngestFormat::wireName).toList());
    }

    /** Receives the file the upload script sends as the body (with the CSRF token in a header). */
    @POST
    @Path("/breaches/{name}/uploads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("target") String target, @QueryParam("type") String type,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        Upload upload = actions.upload(name, format, target, type, List.of(), List.of(), body,
                length == null ? OptionalLong.empty() : OptionalLong.of(length));
        return Response.accepted(uploads.view(upload)).build();
    }

    @POST
    @Path("/breaches/{name}/remove")
    public Response remove(@PathParam("name") String name) {
        actions.remove(name);
        return Response.seeOther(URI.create(AdminPaths.PAGES + "/breaches/" + name)).build();
    }

    @GET
    @Path("/uploads/{id}")
    public TemplateInstance upload(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        Upload upload = existing(id);
        return Templates.upload(admin(), uploads.view(upload), upload.state.isInProgress(), notice);
    }

    @POST
    @Path("/uploads/{id}/{action:publish|discard|cancel}")
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action) {
        existing(id);
        switch (action) {
            case "publish" -> actions.publish(id);
            case "discard" -> actions.discard(id);
            default -> actions.cancel(id);
        }
        return Response.seeOther(URI.create(AdminPaths.PAGES + "/uploads/" + id + "?notice=" + action)).build();
    }

    private TemplateInstance breachesPage(String problem) {
        return Templates.breaches(admin(), catalogue.all().stream().map(BreachRow::of).toList(),
                List.of(DataClass.values()), problem);
    }

    private Upload existing(UUID id) {
        return uploads.find(id).orElseThrow(() -> new IngestActions.Refused(404, "No such upload."));
    }

    private SignedInAdmin admin() {
        return SignedInAdmin.of(identity);
    }
}
