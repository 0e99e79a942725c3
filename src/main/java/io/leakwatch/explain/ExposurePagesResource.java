package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.leakwatch.web.Language;
import io.leakwatch.web.RequestLanguage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** "What exposure means": one page per kind of data, and an index of them, most serious first. */
@Path("/exposure")
@Produces(MediaType.TEXT_HTML)
public class ExposurePagesResource {

    /**
     * A situation where someone can help: what applies in mainland China, with a model letter where
     * writing is what to do, and what applies elsewhere in general terms.
     */
    public record HelpTopic(String slug, String heading, String china, String letterHeading, String letter,
                            String letterNote, String elsewhere) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ExposureView> exposures);

        static native TemplateInstance help(List<HelpTopic> topics);

        static native TemplateInstance exposure(ExposureView exposure, String title, List<ExposureView> others);
    }

    private final RequestLanguage requestLanguage;

    public ExposurePagesResource(RequestLanguage requestLanguage) {
        this.requestLanguage = requestLanguage;
    }

    @GET
    public TemplateInstance index() {
        return Templates.index(ExposureView.allOf(ExposureGuide.byUrgency(), requestLanguage.get()));
    }

    /** Who can help, and the reader's rights: hotlines, complaints, and what to write to whom. */
    @GET
    @Path("/help")
    public TemplateInstance help() {
        ExposureMessages m = requestLanguage.get().messages(ExposureMessages.class);
        return Templates.help(List.of(
                new HelpTopic("scams", m.helpScamsHeading(), m.helpScamsChina(), null, null, null, m.helpScamsElsewhere()),
                new HelpTopic("for-sale", m.helpForSaleHeading(), m.helpForSaleChina(), null, null, null, m.helpForSaleElsewhere()),
                new HelpTopic("rights", m.helpRightsHeading(), m.helpRightsChina(), m.helpLetterHeading(), m.helpLetter(),
                        m.helpLetterNote(), m.helpRightsElsewhere()),
                new HelpTopic("police", m.helpPoliceHeading(), m.helpPoliceChina(), m.helpPoliceLetterHeading(),
                        m.helpPoliceLetter(), null, m.helpPoliceElsewhere()),
                new HelpTopic("legal", m.helpLegalHeading(), m.helpLegalChina(), null, null, null, m.helpLegalElsewhere()),
                new HelpTopic("misuse", m.helpMisuseHeading(), m.helpMisuseChina(), null, null, null, m.helpMisuseElsewhere())));
    }

    @GET
    @Path("/{slug}")
    public TemplateInstance exposure(@PathParam("slug") String slug) {
        Language language = requestLanguage.get();
        DataClass dataClass = DataClass.ofSlug(slug).orElseThrow(NotFoundException::new);
        ExposureView exposure = ExposureView.of(dataClass, language);
        List<ExposureView> others = ExposureView.allOf(ExposureGuide.byUrgency(), language).stream()
                .filter(other -> !other.slug().equals(slug)).toList();
        return Templates.exposure(exposure, language.messages(ExposureMessages.class).pageTitle(exposure.name()), others);
    }
}
