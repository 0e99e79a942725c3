package io.leakwatch.admin.session;

import io.leakwatch.admin.AdminMessages;
import io.leakwatch.admin.AdminNotice;
import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.SecretToken;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.RequestLanguage;
import io.leakwatch.web.RequestOrigin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Signing in to and out of the admin pages. */
@Path(AdminPaths.PAGES)
@Produces(MediaType.TEXT_HTML)
public class AdminSignInResource {

    private final AdminSignIn signIn;
    private final SecurityIdentity identity;
    private final RequestLanguage language;

    public AdminSignInResource(AdminSignIn signIn, SecurityIdentity identity, RequestLanguage language) {
        this.signIn = signIn;
        this.identity = identity;
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(SignInPage page);
    }

    /** The sign-in page; a notice says why the visitor is here ({@code signed-out}). */
    @GET
    @Path("sign-in")
    @PermitAll
    public Response form(@QueryParam("notice") String notice, @Context HttpServerRequest request) {
        String csrf = SessionCookies.valueOf(request, SessionCookies.SIGN_IN_CSRF).orElseGet(() -> SecretToken.generate(""));
        String message = AdminNotice.ofCode(notice).map(messages()::notice).orElse(null);
        return Response.ok(Templates.signIn(new SignInPage(csrf, "", message, null)))
                .cookie(SessionCookies.create(SessionCookies.SIGN_IN_CSRF, csrf, overTls(request)))
                .build();
    }

    @POST
    @Path("sign-in")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@BeanParam SignInForm form, @Context HttpServerRequest request) {
        char[] password = form.password() == null ? new char[0] : form.password().toCharArray();
        AdminSignIn.Outcome outcome = signIn.signIn(form.username(), password, ClientAddress.of(request),
                SessionCookies.valueOf(request, SessionCookies.SESSION));
        String csrf = SessionCookies.valueOf(request, SessionCookies.SIGN_IN_CSRF).orElse(null);
        String typed = form.username() == null ? "" : form.username();
        boolean tls = overTls(request);
        if (outcome instanceof AdminSignIn.Outcome.SignedIn signedIn) {
            return Response.seeOther(URI.create(AdminPaths.PAGES))
                    .cookie(SessionCookies.create(SessionCookies.SESSION, signedIn.sessionToken(), tls),
                            SessionCookies.expire(SessionCookies.SIGN_IN_CSRF, tls))
                    .build();
        }
        if (outcome instanceof AdminSignIn.Outcome.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return Response.status(429)
                    .header("Retry-After", seconds)
                    .entity(Templates.signIn(new SignInPage(csrf, typed, null,
                            messages().signInThrottled(inWords(Duration.ofSeconds(seconds))))))
                    .build();
        }
        return Response.status(401)
                .entity(Templates.signIn(new SignInPage(csrf, typed, null, messages().signInFailed())))
                .build();
    }

    @POST
    @Path("sign-out")
    @RolesAllowed(AdminRole.ADMIN)
    public Response signOut(@Context HttpServerRequest request) {
        signIn.signOut(SignedInAdmin.of(identity), SessionCookies.valueOf(request, SessionCookies.SESSION).orElse(null),
                ClientAddress.of(request));
        return Response.seeOther(URI.create(AdminNotice.SIGNED_OUT.on(AdminPaths.SIGN_IN)))
                .cookie(SessionCookies.expire(SessionCookies.SESSION, overTls(request)))
                .build();
    }

    static boolean overTls(HttpServerRequest request) {
        return RequestOrigin.of(request).secure();
    }

    private String inWords(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds < 90) {
            return seconds == 1 ? messages().oneSecond() : messages().seconds(Long.toString(seconds));
        }
        return messages().minutes(Long.toString((seconds + 59) / 60));
    }

    private AdminMessages messages() {
        return language.get().messages(AdminMessages.class);
    }

    public record SignInForm(@RestForm String username, @RestForm String password) {
    }

    /** What the sign-in page shows; {@code problem} is an error, {@code notice} information. */
    public record SignInPage(String csrf, String username, String notice, String problem) {
    }
}
