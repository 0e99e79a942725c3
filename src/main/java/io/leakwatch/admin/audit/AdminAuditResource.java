package io.leakwatch.admin.audit;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.session.SignedInAdmin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The audit log in the admin pages: the latest events first. */
@Path(AdminPaths.PAGES + "/audit")
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    static final int SHOWN_EVENTS = 200;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public AdminAuditResource(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(SignedInAdmin admin, List<AuditLog.AuditEntry> events, int shown);
    }

    @GET
    public TemplateInstance audit() {
        return Templates.audit(SignedInAdmin.of(identity), audit.latest(SHOWN_EVENTS), SHOWN_EVENTS);
    }
}
