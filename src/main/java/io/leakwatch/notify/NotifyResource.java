package io.leakwatch.notify;

import io.leakwatch.check.CheckMessages;
import io.leakwatch.check.CheckPagesResource;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.web.ClientAddress;
import io.leakwatch.web.Language;
import io.leakwatch.web.PublicFormCsrf;
import io.leakwatch.web.RateLimiter;
import io.leakwatch.web.RequestOrigin;
import io.leakwatch.web.RequestLanguage;
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
    private final RequestLanguage requestLanguage;
    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();

    public NotifyResource(SubscriptionService service, SubscriberReports reports, SignedLinks links, NotifyKeys keys,
                          RateLimiter limiter, NotifyConfig config, RequestLanguage requestLanguage) {
        this.service = service;
        this.reports = reports;
        this.links = links;
        this.keys = keys;
        this.limiter = limiter;
        this.config = config;
        this.requestLanguage = requestLanguage;
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

    /**
     * The subscription form: its CSRF token, its fields (with what is wrong with each, after a refused
     * request), the mail languages, and the words its script shows for a problem found in the page.
     */
    public record SubscribePage(String csrf, List<Field> fields, List<LanguageOption> languages, Problems problems,
                                List<CheckPagesResource.ProblemText> messages) {
    }

    /** A field of the form; {@code identifierType} tells the page's script how to check it (empty: not an identifier). */
    public record Field(String name, String label, String hint, String inputType, String autocomplete, int maxLength,
                        String identifierType, String problem) {
    }

    /** A refused field, as the error summary lists it. */
    public record Problem(String field, String label, String text) {
    }

    /** What is wrong with the fields of a refused request, in the form's order. */
    public record Problems(List<Problem> list) {
        public boolean any() {
            return !list.isEmpty();
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
        return Response.ok(Templates.subscribe(page(csrf, pageLanguage(), Map.of())))
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
                    .entity(Templates.linkProblem(messages().tooManyTitle(), messages().tooManyText()))
                    .build();
        }
        Language language = Optional.ofNullable(form.language()).flatMap(Language::ofCode).orElseGet(this::pageLanguage);
        Map<String, String> problems = new LinkedHashMap<>();
        String email = normalised(IdentifierType.EMAIL, form.email(), "email", true, problems);
        Map<IdentifierType, String> others = new EnumMap<>(IdentifierType.class);
        putIfGiven(others, IdentifierType.PHONE, normalised(IdentifierType.PHONE, form.phone(), "phone", false, problems));
        putIfGiven(others, IdentifierType.NATIONAL_ID,
                normalised(IdentifierType.NATIONAL_ID, form.nationalId(), "nationalId", false, problems));
        putIfGiven(others, IdentifierType.USERNAME, normalised(IdentifierType.USERNAME, form.username(), "username", false, problems));
        if (!problems.isEmpty()) {
            // Nothing typed is shown again: the page never echoes an address or an identifier (its script
            // checks the fields before sending, so that a person keeps what they typed).
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
        NotifyMessages messages = messages();
        return links.reportSubscription(token).flatMap(subscription -> reports.of(subscription, pageLanguage()))
                .map(report -> Response.ok(Templates.report(report)).build())
                .orElseGet(() -> Response.status(410).entity(Templates.linkProblem(messages.reportExpiredTitle(),
                        messages.reportExpiredText(config.reportLinkValidity().toHours()))).build());
    }

    private Response expiredVerification() {
        NotifyMessages messages = messages();
        return Response.status(410).entity(Templates.linkProblem(messages.verificationExpiredTitle(),
                messages.verificationExpiredText(config.verificationValidity().toHours()))).build();
    }

    private Response invalidVerification() {
        NotifyMessages messages = messages();
        return Response.status(400).entity(Templates.linkProblem(messages.verificationInvalidTitle(),
                messages.verificationInvalidText())).build();
    }

    private Response invalidUnsubscribe() {
        NotifyMessages messages = messages();
        return Response.status(400).entity(Templates.linkProblem(messages.unsubscribeInvalidTitle(),
                messages.unsubscribeInvalidText())).build();
    }

    private NotifyMessages messages() {
        return requestLanguage.get().messages(NotifyMessages.class);
    }

    /** The language of the mails unless the form says otherwise: the language the page is read in. */
    private Language pageLanguage() {
        return requestLanguage.get();
    }

    private String normalised(IdentifierType type, String input, String field, boolean required, Map<String, String> problems) {
        if (input == null || input.isBlank()) {
            if (required) {
                problems.put(field, messages().emailRequired());
            }
            return null;
        }
        NormalisationResult result = normaliser.normalise(type, input);
        if (result instanceof NormalisationResult.Accepted accepted) {
            return accepted.normalised();
        }
        problems.put(field, requestLanguage.get().messages(CheckMessages.class)
                .problem(((NormalisationResult.Rejected) result).problem()));
        return null;
    }

    private static void putIfGiven(Map<IdentifierType, String> identifiers, IdentifierType type, String normalised) {
        if (normalised != null) {
            identifiers.put(type, normalised);
        }
    }

    private SubscribePage page(String csrf, Language selected, Map<String, String> problems) {
        NotifyMessages messages = messages();
        List<Field> fields = List.of(
                new Field("email", messages.emailLabel(), messages.emailHint(), "email", "email", 320, IdentifierType.EMAIL.slug(),
                        problems.get("email")),
                new Field("phone", messages.phoneLabel(), messages.phoneHint(), "tel", "tel", 40, IdentifierType.PHONE.slug(),
                        problems.get("phone")),
                new Field("nationalId", messages.nationalIdLabel(), messages.nationalIdHint(), "text", "off", 30,
                        IdentifierType.NATIONAL_ID.slug(), problems.get("nationalId")),
                new Field("username", messages.usernameLabel(), null, "text", "username", 100, IdentifierType.USERNAME.slug(),
                        problems.get("username")));
        List<LanguageOption> languages = new ArrayList<>();
        for (Language language : Language.values()) {
            languages.add(new LanguageOption(language.code(), language.autonym(), language == selected));
        }
        List<Problem> refused = fields.stream().filter(field -> field.problem() != null)
                .map(field -> new Problem(field.name(), field.label(), field.problem())).toList();
        return new SubscribePage(csrf, fields, languages, new Problems(refused),
                CheckPagesResource.problemTexts(requestLanguage.get().messages(CheckMessages.class)));
    }
}
