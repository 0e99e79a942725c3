package io.leakwatch.breach;

import io.leakwatch.explain.ExposureMessages;
import io.leakwatch.explain.ExposureView;
import io.leakwatch.explain.RiskAssessment;
import io.leakwatch.explain.StepPlan;
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
import java.util.Optional;

/** The public breach catalogue and one page per breach, with their charts. */
@Path("/breaches")
@Produces(MediaType.TEXT_HTML)
public class BreachPagesResource {

    /** The catalogue page: the breaches, newest first, and the charts of them all. */
    public record CataloguePage(String intro, List<BreachView> breaches, TimelineChart timeline,
                                String timelineDescription, DataClassChart dataClassChart,
                                String dataClassChartSummary) {
    }

    /** One breach: what leaked, the risk to someone in it, and where it sits among the others. */
    public record BreachPage(BreachView breach, String riskLevel, String risk, List<String> riskReasons, List<ExposureView> exposures,
                             StepPlan.Shown steps, TimelineChart timeline, String timelineDescription) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(CataloguePage page);

        static native TemplateInstance breach(BreachPage page);
    }

    private final BreachCatalogue catalogue;
    private final RequestLanguage requestLanguage;

    public BreachPagesResource(BreachCatalogue catalogue, RequestLanguage requestLanguage) {
        this.catalogue = catalogue;
        this.requestLanguage = requestLanguage;
    }

    @GET
    public TemplateInstance catalogue() {
        Language language = requestLanguage.get();
        BreachMessages messages = language.messages(BreachMessages.class);
        List<Breach> breaches = catalogue.shownBreaches();
        TimelineChart timeline = TimelineChart.of(breaches, Optional.empty(), language);
        long identifiers = breaches.stream().mapToLong(breach -> breach.pwnCount).sum();
        return Templates.catalogue(new CataloguePage(
                messages.catalogueIntro(language.formatCount(breaches.size()), language.formatCount(identifiers)),
                breaches.stream().map(breach -> BreachView.of(breach, language)).toList(),
                timeline, messages.timelineDescription(breaches.size(), timeline.firstYear(), timeline.lastYear()),
                DataClassChart.of(breaches, language), messages.dataClassChartDescription()));
    }

    @GET
    @Path("/{name}")
    public TemplateInstance breach(@PathParam("name") String name) {
        Language language = requestLanguage.get();
        Breach breach = catalogue.shownBreach(name).orElseThrow(NotFoundException::new);
        List<DataClass> exposed = DataClass.ofSlugs(breach.dataClasses);
        RiskAssessment risk = RiskAssessment.of(exposed);
        ExposureMessages exposureMessages = language.messages(ExposureMessages.class);
        BreachMessages messages = language.messages(BreachMessages.class);
        TimelineChart timeline = TimelineChart.of(catalogue.shownBreaches(), Optional.of(breach.name), language);
        return Templates.breach(new BreachPage(BreachView.of(breach, language), risk.level().slug(),
                messages.detailRisk(exposureMessages.severity(risk.level())),
                risk.rules().stream().map(exposureMessages::riskRule).toList(),
                ExposureView.allOf(exposed, language), StepPlan.of(exposed).in(language),
                timeline, messages.timelineHighlighted(breach.titleIn(language))));
    }
}
