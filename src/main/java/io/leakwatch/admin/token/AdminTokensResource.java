package io.leakwatch.admin.token;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.AdminMessages;
import io.leakwatch.admin.AdminNotice;
import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.account.InvalidAdminInput;
import io.leakwatch.admin.session.SignedInAdmin;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RequestLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;

/**
 * Admin pages for API tokens. A new token is shown once, in the answer to the form that created it
 * (not after a redirect: it is kept nowhere that a later page could read it from); the answer is
 * never cached.
 */
@Path(AdminPaths.PAGES + "/tokens")
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminTokensResource {

    private final AdminApiTokens tokens;
    private final SecurityIdentity identity;
    private final RequestLanguage language;

    public AdminTokensResource(AdminApiTokens tokens, SecurityIdentity identity, RequestLanguage language) {
        this.tokens = tokens;
        this.identity = identity;
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(SignedInAdmin admin, List<AdminApiTokens.TokenView> tokens, String notice,
                                              String problem);

        static native TemplateInstance created(SignedInAdmin admin, String name, String token);
    }

    @GET
    public TemplateInstance tokens(@QueryParam("notice") String notice) {
        return Templates.tokens(admin(), tokens.list(),
                AdminNotice.ofCode(notice).map(language.get().messages(AdminMessages.class)::notice).orElse(null), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam NewTokenForm form, @Context HttpServerRequest request) {
        SignedInAdmin admin = admin();
        try {
            String token = tokens.create(form.name(), admin.adminId(), actor(admin, request));
            return Response.ok(Templates.created(admin, form.name().strip(), token)).build();
        } catch (InvalidAdminInput problem) {
            return Response.status(400).entity(Templates.tokens(admin, tokens.list(), null, problem.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") long id, @Context HttpServerRequest request) {
        SignedInAdmin admin = admin();
        try {
            tokens.revoke(id, actor(admin, request));
            return Response.seeOther(URI.create(AdminNotice.REVOKED.on(AdminPaths.PAGES + "/tokens"))).build();
        } catch (InvalidAdminInput problem) {
            return Response.status(400).entity(Templates.tokens(admin, tokens.list(), null, problem.getMessage())).build();
        }
    }

    private SignedInAdmin admin() {
        return SignedInAdmin.of(identity);
    }

    private static Actor actor(SignedInAdmin admin, HttpServerRequest request) {
        return new Actor(admin.username(), ClientAddress.of(request).address());
    }

    public record NewTokenForm(@RestForm String name) {
    }
}
