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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ExposureView> exposures);

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
