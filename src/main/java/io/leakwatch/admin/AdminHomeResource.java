package io.leakwatch.admin;

import io.leakwatch.admin.session.SignedInAdmin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The admin area's landing page. */
@Path(AdminPaths.PAGES)
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminHomeResource {

    private final SecurityIdentity identity;

    public AdminHomeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(SignedInAdmin admin);
    }

    @GET
    public TemplateInstance home() {
        return Templates.home(SignedInAdmin.of(identity));
    }
}
