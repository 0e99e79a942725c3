package io.leakwatch.check;

import io.leakwatch.breach.BreachCatalogue;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.InputProblem;
import io.leakwatch.web.Language;
import io.leakwatch.web.RequestLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseHeader;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The self-check pages. The check itself runs in the browser ({@code js/check.js},
 * {@code js/password.js}): these pages carry the words it shows, and the result's breach details
 * are fetched by breach name, never by anything that identifies a person.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CheckPagesResource {

    /** More names than any range answer holds; bounds the work one request can ask for. */
    static final int MAX_NAMES = 500;
    private static final Pattern NAME_SEPARATOR = Pattern.compile(",");
    /** Breach names never hold a star. */
    private static final String EVERY_LISTED_BREACH = "*";

    /**
     * A kind of identifier to check as, with the words that name it and that offer to check a likely
     * identifier ({@code #}: it) or the input as typed as this kind.
     */
    public record TypeChoice(String slug, String label, String checkedAs, String checkSuggested, String checkAsTyped) {
    }

    /** A refused input's explanation, for the script to show. */
    public record ProblemText(String slug, String text) {
    }

    /** What a password seen {@code minimumCount} times or more means. */
    public record PasswordMeaning(String slug, long minimumCount, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<TypeChoice> types, List<ProblemText> problems);

        static native TemplateInstance password(List<PasswordMeaning> meanings, List<ProblemText> problems);

        static native TemplateInstance needsJavaScript();

        static native TemplateInstance details(ResultDetails details);
    }

    private final BreachCatalogue catalogue;
    private final RequestLanguage requestLanguage;

    public CheckPagesResource(BreachCatalogue catalogue, RequestLanguage requestLanguage) {
        this.catalogue = catalogue;
        this.requestLanguage = requestLanguage;
    }

    @GET
    public TemplateInstance home() {
        CheckMessages messages = requestLanguage.get().messages(CheckMessages.class);
        List<TypeChoice> types = Arrays.stream(IdentifierType.values())
                .filter(type -> type != IdentifierType.PASSWORD)
                .map(type -> new TypeChoice(type.slug(), messages.identifierType(type), messages.checkedAs(type),
                        messages.checkSuggested(type), messages.checkAsTyped(type)))
                .toList();
        return Templates.home(types, problemTexts(messages));
    }

    @GET
    @Path("password")
    public TemplateInstance password() {
        CheckMessages messages = requestLanguage.get().messages(CheckMessages.class);
        List<PasswordMeaning> meanings = Arrays.stream(PasswordSeen.values())
                .map(seen -> new PasswordMeaning(seen.slug(), seen.minimumCount(), messages.passwordMeaning(seen)))
                .toList();
        return Templates.password(meanings, problemTexts(messages));
    }

    /** Where the check form leads when scripts do not run: its fields have no names, so nothing is sent. */
    @GET
    @Path("check/needs-javascript")
    public TemplateInstance needsJavaScript() {
        return Templates.needsJavaScript();
    }

    /**
     * The details of the named breaches that an anonymous search may show, as a fragment for the
     * result; {@code names=*} asks for all of them (the browser's choice when the names would make
     * too long an address). The browser asks for every breach named in the range answer, not only
     * the ones it matched, so this request says nothing the prefix did not.
     */
    @GET
    @Path("check/details")
    @ResponseHeader(name = "Cache-Control", value = "public, max-age=300")
    public TemplateInstance details(@QueryParam("names") String names) {
        Language language = requestLanguage.get();
        if (EVERY_LISTED_BREACH.equals(names)) {
            return Templates.details(ResultDetails.of(catalogue.listedInAccountSearch(), language));
        }
        List<String> requested = names == null ? List.of()
                : NAME_SEPARATOR.splitAsStream(names).map(String::strip).filter(name -> !name.isEmpty())
                .distinct().limit(MAX_NAMES).toList();
        return Templates.details(ResultDetails.of(catalogue.listedInAccountSearch(requested), language));
    }

    /** The words of every input problem, for a page whose script checks identifiers. */
    public static List<ProblemText> problemTexts(CheckMessages messages) {
        return Arrays.stream(InputProblem.values())
                .map(problem -> new ProblemText(problem.slug(), messages.problem(problem)))
                .toList();
    }
}
