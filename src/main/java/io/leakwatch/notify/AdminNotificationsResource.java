package io.leakwatch.notify;

import io.leakwatch.admin.AdminMessages;
import io.leakwatch.admin.AdminNotice;
import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.admin.session.SignedInAdmin;
import io.leakwatch.ingest.PublishedAccounts;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RequestLanguage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The admin page of notifications: subscriptions, the outbox (pending, retrying, failed, recently sent),
 * uploads still waiting to be matched, and the mails in trouble with why (an exception class or SMTP
 * code: never an address). Failed mails can be queued again.
 */
@Path(AdminPaths.PAGES + "/notifications")
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminNotificationsResource {

    static final int SHOWN_TROUBLES = 100;

    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final OutboxWorker worker;
    private final PublishedAccounts published;
    private final NotifyKeys keys;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final RequestLanguage language;

    public AdminNotificationsResource(Subscriptions subscriptions, Outbox outbox, OutboxWorker worker, PublishedAccounts published,
                                      NotifyKeys keys, AuditLog audit, SecurityIdentity identity, Clock clock,
                                      RequestLanguage language) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.worker = worker;
        this.published = published;
        this.keys = keys;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.language = language;
    }

    /** Everything the page shows. */
    public record Overview(boolean enabled, Subscriptions.Counts subscriptions, Outbox.Counts mails, int uploadsAwaitingAlerts,
                           List<Outbox.Trouble> troubles, int shown, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(SignedInAdmin admin, Overview overview);
    }

    @GET
    public TemplateInstance notifications(@QueryParam("notice") String notice) {
        Overview overview = new Overview(keys.enabled(), subscriptions.counts(),
                outbox.counts(clock.instant().minus(Duration.ofHours(24))), published.awaitingAlerts().size(),
                outbox.troubles(SHOWN_TROUBLES), SHOWN_TROUBLES,
                AdminNotice.ofCode(notice).map(language.get().messages(AdminMessages.class)::notice).orElse(null));
        return Templates.notifications(SignedInAdmin.of(identity), overview);
    }

    @POST
    @Path("retry")
    public Response retry(@Context HttpServerRequest request) {
        SignedInAdmin admin = SignedInAdmin.of(identity);
        QuarkusTransaction.requiringNew().run(() -> {
            int queued = outbox.retryNow(clock.instant());
            audit.record(admin.username(), AuditAction.NOTIFY_MAILS_RETRIED, queued + " mails", ClientAddress.of(request).address());
        });
        worker.wake();
        return Response.seeOther(URI.create(AdminNotice.RETRIED.on(AdminPaths.PAGES + "/notifications"))).build();
    }
}
