package io.leakwatch.ingest;

import io.leakwatch.admin.AdminMessages;
import io.leakwatch.admin.AdminNotice;
import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.session.SignedInAdmin;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachCatalogue;
import io.leakwatch.breach.BreachMetadata;
import io.leakwatch.breach.BreachTranslation;
import io.leakwatch.web.Language;
import io.leakwatch.breach.DataClass;
import io.leakwatch.web.Language;
import io.leakwatch.web.RequestLanguage;
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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The admin pages for loading breaches: the catalogue with a form to add a breach, a breach's page
 * with its uploads and an upload form (a small script sends the file as the request body and shows
 * its progress), and an upload's page with live progress and the validation report. Removing a breach,
 * discarding and cancelling an upload first show a page that says what will happen; after each action
 * the page it leads to says what happened.
 */
@Path(AdminPaths.PAGES)
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminBreachesResource {

    private final IngestActions actions;
    private final UploadRecords uploads;
    private final BreachCatalogue catalogue;
    private final SecurityIdentity identity;
    private final RequestLanguage language;

    public AdminBreachesResource(IngestActions actions, UploadRecords uploads, BreachCatalogue catalogue,
                                 SecurityIdentity identity, RequestLanguage language) {
        this.actions = actions;
        this.uploads = uploads;
        this.catalogue = catalogue;
        this.identity = identity;
        this.language = language;
    }

    /** A breach as the admin pages show it. */
    public record BreachRow(String name, String title, Breach.Status status, long pwnCount) {
        static BreachRow of(Breach breach) {
            return new BreachRow(breach.name, breach.title, breach.status(), breach.pwnCount);
        }
    }

    /** An upload as its page shows it: the view, its state as an enum the messages know, and whether it is in progress. */
    public record UploadPage(UploadView upload, UploadState state, boolean active) {
    }

    /**
     * A page asking to confirm an action that cannot be undone: what will happen, point by point, a
     * button that does it and a way back.
     */
    public record Confirmation(String title, List<String> consequences, String action, String button, String back) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance breaches(SignedInAdmin admin, List<BreachRow> breaches, List<DataClass> dataClasses,
                                                String problem);

        static native TemplateInstance breach(SignedInAdmin admin, BreachRow breach, List<UploadPage> uploads,
                                              List<IngestFormat> formats, String notice);

        static native TemplateInstance upload(SignedInAdmin admin, UploadPage page, String notice);

        static native TemplateInstance confirm(SignedInAdmin admin, Confirmation confirmation);
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
                                 @RestForm String titleZh, @RestForm String descriptionZh,
                                 @RestForm List<String> dataClasses, @RestForm boolean sensitive,
                                 @RestForm boolean verified, @RestForm boolean fabricated) {
        LocalDate date;
        try {
            date = LocalDate.parse(breachDate);
        } catch (DateTimeParseException | NullPointerException e) {
            return Response.status(400).entity(breachesPage(messages().badBreachDate())).build();
        }
        try {
            // The Chinese title and description are one translation: given when either is
            Map<String, BreachTranslation> translations = isBlank(titleZh) && isBlank(descriptionZh) ? Map.of()
                    : Map.of(Language.CHINESE.code(), new BreachTranslation(titleZh, descriptionZh));
            Breach breach = actions.createBreach(new BreachMetadata(name, title, domain, date, description, dataClasses,
                    verified, fabricated, sensitive, false, translations));
            return Response.seeOther(URI.create(AdminPaths.PAGES + "/breaches/" + breach.name)).build();
        } catch (IngestActions.Refused refused) {
            return Response.status(refused.status()).entity(breachesPage(refused.getMessage())).build();
        }
    }

    private static boolean isBlank(String field) {
        return field == null || field.isBlank();
    }

    @GET
    @Path("/breaches/{name}")
    public TemplateInstance breach(@PathParam("name") String name, @QueryParam("notice") String notice) {
        Breach breach = actions.breach(name);
        return Templates.breach(admin(), BreachRow.of(breach),
                uploads.ofBreach(breach.id).stream().map(this::page).toList(),
                List.of(IngestFormat.values()), notice(notice));
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

    @GET
    @Path("/breaches/{name}/remove")
    public TemplateInstance confirmRemoval(@PathParam("name") String name) {
        Breach breach = actions.breach(name);
        IngestMessages words = messages();
        String back = AdminPaths.PAGES + "/breaches/" + breach.name;
        return Templates.confirm(admin(), new Confirmation(words.removeConfirmTitle(breach.name),
                List.of(words.removeConfirmIndex(language().formatCount(breach.pwnCount)), words.removeConfirmCatalogue(),
                        words.removeConfirmPasswords(), words.confirmIrreversible()),
                back + "/remove", words.removeConfirmButton(breach.name), back));
    }

    @POST
    @Path("/breaches/{name}/remove")
    public Response remove(@PathParam("name") String name) {
        String breach = actions.breach(name).name;
        actions.remove(breach);
        return seeOther(AdminNotice.REMOVAL_REQUESTED.on(AdminPaths.PAGES + "/breaches/" + breach));
    }

    @GET
    @Path("/uploads/{id}")
    public TemplateInstance upload(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return Templates.upload(admin(), page(existing(id)), notice(notice));
    }

    /** Publishes, discards or cancels (the last two confirmed first, below), then reports it on the upload's page. */
    @POST
    @Path("/uploads/{id}/{action:publish|discard|cancel}")
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action) {
        existing(id);
        AdminNotice done = switch (action) {
            case "publish" -> {
                actions.publish(id);
                yield AdminNotice.PUBLISHING;
            }
            case "discard" -> {
                actions.discard(id);
                yield AdminNotice.DISCARDED;
            }
            default -> {
                actions.cancel(id);
                yield AdminNotice.CANCELLED;
            }
        };
        return seeOther(done.on(uploadPath(id)));
    }

    @GET
    @Path("/uploads/{id}/discard")
    public TemplateInstance confirmDiscard(@PathParam("id") UUID id) {
        UploadView upload = uploads.view(existing(id));
        IngestMessages words = messages();
        Language language = language();
        return Templates.confirm(admin(), new Confirmation(words.discardConfirmTitle(),
                List.of(words.discardConfirmStaged(language.formatCount(upload.entries()), language.formatCount(upload.linesAccepted())),
                        words.confirmIndexUnchanged()),
                uploadPath(id) + "/discard", words.discardConfirmButton(), uploadPath(id)));
    }

    @GET
    @Path("/uploads/{id}/cancel")
    public TemplateInstance confirmCancel(@PathParam("id") UUID id) {
        existing(id);
        IngestMessages words = messages();
        return Templates.confirm(admin(), new Confirmation(words.cancelConfirmTitle(),
                List.of(words.cancelConfirmStaging(), words.confirmIndexUnchanged()),
                uploadPath(id) + "/cancel", words.cancelConfirmButton(), uploadPath(id)));
    }

    private TemplateInstance breachesPage(String problem) {
        return Templates.breaches(admin(), catalogue.all().stream().map(BreachRow::of).toList(),
                List.of(DataClass.values()), problem);
    }

    private UploadPage page(Upload upload) {
        return new UploadPage(uploads.view(upload), upload.state, upload.state.isInProgress());
    }

    private Upload existing(UUID id) {
        return uploads.find(id).orElseThrow(() -> new IngestActions.Refused(404, "No such upload."));
    }

    private static String uploadPath(UUID id) {
        return AdminPaths.PAGES + "/uploads/" + id;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private String notice(String code) {
        return AdminNotice.ofCode(code).map(adminMessages()::notice).orElse(null);
    }

    private Language language() {
        return language.get();
    }

    private IngestMessages messages() {
        return language().messages(IngestMessages.class);
    }

    private AdminMessages adminMessages() {
        return language().messages(AdminMessages.class);
    }

    private SignedInAdmin admin() {
        return SignedInAdmin.of(identity);
    }
}
