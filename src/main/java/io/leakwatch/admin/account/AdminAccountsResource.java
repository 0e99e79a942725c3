package io.leakwatch.admin.account;

import io.leakwatch.admin.Actor;
import io.leakwatch.admin.AdminMessages;
import io.leakwatch.admin.AdminNotice;
import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
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
import java.util.Arrays;
import java.util.List;

/** Admin pages for the accounts: the list, adding, disabling and re-enabling admins; one's own password. */
@Path(AdminPaths.PAGES)
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAccountsResource {

    private final AdminAccounts accounts;
    private final SecurityIdentity identity;
    private final RequestLanguage language;

    public AdminAccountsResource(AdminAccounts accounts, SecurityIdentity identity, RequestLanguage language) {
        this.accounts = accounts;
        this.identity = identity;
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(SignedInAdmin admin, List<AdminAccounts.AccountView> accounts, String notice,
                                                String problem, String typedUsername);

        static native TemplateInstance password(SignedInAdmin admin, String notice, String problem);
    }

    @GET
    @Path("accounts")
    public TemplateInstance accounts(@QueryParam("notice") String notice) {
        return Templates.accounts(admin(), accounts.list(), notice(notice), null, "");
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@BeanParam NewAdminForm form, @Context HttpServerRequest request) {
        char[] password = form.password() == null ? new char[0] : form.password().toCharArray();
        try {
            accounts.create(form.username(), password, actor(request));
            return seeOther(AdminNotice.ADDED.on("/admin/accounts"));
        } catch (InvalidAdminInput problem) {
            return Response.status(400)
                    .entity(Templates.accounts(admin(), accounts.list(), null, problem.getMessage(),
                            form.username() == null ? "" : form.username()))
                    .build();
        }
    }

    @POST
    @Path("accounts/{id}/disable")
    public Response disable(@PathParam("id") long id, @Context HttpServerRequest request) {
        try {
            accounts.disable(id, admin().adminId(), actor(request));
            return seeOther(AdminNotice.DISABLED.on("/admin/accounts"));
        } catch (InvalidAdminInput problem) {
            return Response.status(400).entity(Templates.accounts(admin(), accounts.list(), null, problem.getMessage(), "")).build();
        }
    }

    @POST
    @Path("accounts/{id}/enable")
    public Response enable(@PathParam("id") long id, @Context HttpServerRequest request) {
        try {
            accounts.enable(id, actor(request));
            return seeOther(AdminNotice.ENABLED.on("/admin/accounts"));
        } catch (InvalidAdminInput problem) {
            return Response.status(400).entity(Templates.accounts(admin(), accounts.list(), null, problem.getMessage(), "")).build();
        }
    }

    @GET
    @Path("password")
    public TemplateInstance password(@QueryParam("notice") String notice) {
        return Templates.password(admin(), notice(notice), null);
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@BeanParam PasswordChangeForm form, @Context HttpServerRequest request) {
        SignedInAdmin admin = admin();
        char[] current = form.currentPassword() == null ? new char[0] : form.currentPassword().toCharArray();
        char[] wanted = form.newPassword() == null ? new char[0] : form.newPassword().toCharArray();
        try {
            if (form.newPassword() == null || !form.newPassword().equals(form.repeatedPassword())) {
                throw new InvalidAdminInput(messages().passwordsDiffer());
            }
            accounts.changePassword(admin.adminId(), admin.sessionId(), current, wanted, actor(request));
            return seeOther(AdminNotice.CHANGED.on("/admin/password"));
        } catch (InvalidAdminInput problem) {
            return Response.status(400).entity(Templates.password(admin, null, problem.getMessage())).build();
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(wanted, '\0');
        }
    }

    private String notice(String code) {
        return AdminNotice.ofCode(code).map(messages()::notice).orElse(null);
    }

    private AdminMessages messages() {
        return language.get().messages(AdminMessages.class);
    }

    private SignedInAdmin admin() {
        return SignedInAdmin.of(identity);
    }

    private Actor actor(HttpServerRequest request) {
        return new Actor(admin().username(), ClientAddress.of(request).address());
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    public record NewAdminForm(@RestForm String username, @RestForm String password) {
    }

    public record PasswordChangeForm(@RestForm String currentPassword, @RestForm String newPassword,
                                     @RestForm String repeatedPassword) {
    }
}
