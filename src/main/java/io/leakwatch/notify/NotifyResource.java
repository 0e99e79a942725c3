package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.Language;
import io.leakwatch.web.LanguageChoice;
import io.leakwatch.web.PublicFormCsrf;
import io.leakwatch.web.RateLimiter;
import io.leakwatch.web.RequestOrigin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The public pages of breach alerts: subscribing, confirming (double opt-in), unsubscribing and the
 * subscriber's report. Links from mails only ever lead to a page with a button: opening a link
 * changes nothing, so mail scanners that open links cannot confirm or cancel a subscription. The one
 * exception is the RFC 8058 one-click unsubscribe, a POST that mail clients send.
 */
@Path("/notify")
@Produces(MediaType.TEXT_HTML)
public class NotifyResource {

    /** Rate-limit rule counting subscription requests per client address. */
    static final String PER_CLIENT_RULE = "notify-client";

    private final SubscriptionService service;
    private final SubscriberReports reports;
    private final SignedLinks links;
    private final NotifyKeys keys;
    private final RateLimiter limiter;
    private final NotifyConfig config;
    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();

    public NotifyResource(SubscriptionService service, SubscriberReports reports, SignedLinks links, NotifyKeys keys,
                          RateLimiter limiter, NotifyConfig config) {
        this.service = service;
        this.reports = reports;
        this.links = links;
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance subscribe(SubscribePage page);

        static native TemplateInstance sent(long validHours);

        static native TemplateInstance confirm(String token);

        static native TemplateInstance verified();

        static native TemplateInstance linkProblem(String title, String explanation);

        static native TemplateInstance unsubscribe(String action);

        static native TemplateInstance unsubscribed();

        static native TemplateInstance report(SubscriberReports.Report report);

        static native TemplateInstance unavailable();
    }

    /** The form's fields. */
    public record SubscribeForm(@RestForm String email, @RestForm String phone, @RestForm String nationalId,
                                @RestForm String username, @RestForm String language) {
        @Override
        public String toString() {
            return "SubscribeForm"; // what was typed stays out of logs
        }
    }

    /** The subscription form: its CSRF token, the language chosen, and a message per field in error. */
    public record SubscribePage(String csrf, List<LanguageOption> languages, Problems problems) {
    }

    /** What is wrong with each field (null: nothing). */
    public record Problems(String email, String phone, String nationalId, String username) {
        static Problems of(Map<String, String> byField) {
            return new Problems(byField.get("email"), byField.get("phone"), byField.get("nationalId"), byField.get("username"));
        }

        public boolean any() {
            return email != null || phone != null || nationalId != null || username != null;
        }
    }

    public record LanguageOption(String code, String name, boolean selected) {
    }

    @GET
    public Response form(@CookieParam(PublicFormCsrf.COOKIE) String csrfCookie, @Context HttpServerRequest request) {
        if (!keys.enabled()) {
            return Response.status(503).entity(Templates.unavailable()).build();
        }
        String csrf = PublicFormCsrf.tokenFor(csrfCookie);
        return Response.ok(Templates.subscribe(page(csrf, LanguageChoice.of(request), Map.of())))
                .cookie(PublicFormCsrf.cookie(csrf, RequestOrigin.of(request).secure()))
                .build();
    }

    @POST
    @PublicFormCsrf.Protected
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@BeanParam SubscribeForm form, @CookieParam(PublicFormCsrf.COOKIE) String csrf,
                              @Context HttpServerRequest request) {
        if (!keys.enabled()) {
            return Response.status(503).entity(Templates.unavailable()).build();
        }
        Optional<Duration> wait = limiter.tryAcquire(PER_CLIENT_RULE, ClientAddress.of(request).countingKey());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.status(429).header("Retry-After", seconds)
                    .entity(Templates.linkProblem("Too many requests",
                            "This connection has asked for many subscriptions. Please wait a while before trying again."))
                    .build();
        }
        Language language = Optional.ofNullable(form.language()).flatMap(Language::ofCode)
                .orElseGet(() -> LanguageChoice.of(request));
        Map<String, String> problems = new LinkedHashMap<>();
        String email = normalised(IdentifierType.EMAIL, form.email(), "email", true, problems);
        Map<IdentifierType, String> others = new EnumMap<>(IdentifierType.class);
        putIfGiven(others, IdentifierType.PHONE, normalised(IdentifierType.PHONE, form.phone(), "phone", false, problems));
        putIfGiven(others, IdentifierType.NATIONAL_ID,
                normalised(IdentifierType.NATIONAL_ID, form.nationalId(), "nationalId", false, problems));
        putIfGiven(others, IdentifierType.USERNAME, normalised(IdentifierType.USERNAME, form.username(), "username", false, problems));
        if (!problems.isEmpty()) {
            // Nothing typed is shown again: the page never echoes an address or an identifier.
            return Response.status(400).entity(Templates.subscribe(page(csrf, language, problems))).build();
        }
        service.subscribe(new SubscriptionService.SubscribeRequest(email, others, language));
        return Response.seeOther(URI.create("/notify/sent")).build();
    }

    /** The same page whatever the address's state: whether it is subscribed is told only to its mailbox. */
    @GET
    @Path("sent")
    public TemplateInstance sent() {
        return Templates.sent(config.verificationValidity().toHours());
    }

    @GET
    @Path("verify")
    public Response confirmPage(@QueryParam("token") String token) {
        return switch (service.check(token)) {
            case VERIFIED -> Response.ok(Templates.confirm(token)).build();
            case EXPIRED -> expiredVerification();
            case INVALID -> invalidVerification();
        };
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@RestForm String token) {
        return switch (service.verify(token)) {
            case VERIFIED -> Response.seeOther(URI.create("/notify/verified")).build();
            case EXPIRED -> expiredVerification();
            case INVALID -> invalidVerification();
        };
    }

    @GET
    @Path("verified")
    public TemplateInstance verified() {
        return Templates.verified();
    }

    @GET
    @Path("unsubscribe")
    public Response unsubscribePage(@QueryParam("token") String token) {
        if (links.unsubscribeSubscription(token).isEmpty()) {
            return invalidUnsubscribe();
        }
        return Response.ok(Templates.unsubscribe(SignedLinks.UNSUBSCRIBE_PATH + "?token=" + token)).build();
    }

    /**
     * Unsubscribes: the button of the page above, or a mail client's RFC 8058 one-click POST (body
     * {@code List-Unsubscribe=One-Click}). The signed token in the URL is the authority; the answer is
     * the same whether or not the subscription still existed.
     */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    public Response unsubscribe(@QueryParam("token") String token) {
        Optional<UUID> subscription = links.unsubscribeSubscription(token);
        if (subscription.isEmpty()) {
            return invalidUnsubscribe();
        }
        service.unsubscribe(subscription.get());
        return Response.ok(Templates.unsubscribed()).build();
    }

    @GET
    @Path("report")
    public Response report(@QueryParam("token") String token) {
        return links.reportSubscription(token).flatMap(reports::of)
                .map(report -> Response.ok(Templates.report(report)).build())
                .orElseGet(() -> Response.status(410).entity(Templates.linkProblem("This report link no longer works",
                        "Report links work for " + config.reportLinkValidity().toHours() + " hours, and not after unsubscribing."
                                + " To get a new one, subscribe again with the same address: if it is subscribed, we mail you a new link.")).build());
    }

    private Response expiredVerification() {
        return Response.status(410).entity(Templates.linkProblem("This confirmation link has expired",
                "Confirmation links work for " + config.verificationValidity().toHours()
                        + " hours. Subscribe again to get a new one.")).build();
    }

    private Response invalidVerification() {
        return Response.status(400).entity(Templates.linkProblem("This confirmation link does not work",
                "It may have been used already, or a newer mail replaced it: only the link in the latest mail works."
                        + " If your subscription is not confirmed, subscribe again to get a new link.")).build();
    }

    private Response invalidUnsubscribe() {
        return Response.status(400).entity(Templates.linkProblem("This unsubscribe link does not work",
                "Check that the whole link was copied from the mail.")).build();
    }

    private String normalised(IdentifierType type, String input, String field, boolean required, Map<String, String> problems) {
        if (input == null || input.isBlank()) {
            if (required) {
                problems.put(field, "Enter the email address the alerts should go to.");
            }
            return null;
        }
        NormalisationResult result = normaliser.normalise(type, input);
        if (result instanceof NormalisationResult.Accepted accepted) {
            return accepted.normalised();
        }
        problems.put(field, ((NormalisationResult.Rejected) result).message());
        return null;
    }

    private static void putIfGiven(Map<IdentifierType, String> identifiers, IdentifierType type, String normalised) {
        if (normalised != null) {
            identifiers.put(type, normalised);
        }
    }

    private static SubscribePage page(String csrf, Language selected, Map<String, String> problems) {
        List<LanguageOption> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            languages.add(new LanguageOption(language.code(), language.autonym(), language == selected));
        }
        return new SubscribePage(csrf, languages, Problems.of(problems));
    }
}
