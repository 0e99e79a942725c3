package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachView;
import io.leakwatch.breach.DataClass;
import io.leakwatch.explain.ExposureMessages;
import io.leakwatch.explain.ExposureView;
import io.leakwatch.explain.RiskRule;
import io.leakwatch.explain.Step;
import io.leakwatch.explain.StepGroup;
import io.leakwatch.explain.StepPlan;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.explain.Severity;
import io.leakwatch.web.Language;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a result may need to show for a set of breaches: each breach, every data class they
 * exposed (most urgent first), every risk level's summary and every risk rule, every step to take by
 * group, and the precautions for each type of identifier when nothing is found. The browser keeps the
 * breaches the person is in and what follows from them (see {@code js/check.js}), so the server never
 * learns which those are.
 */
public record ResultDetails(List<BreachView> breaches, List<ExposureView> exposures, List<Level> levels,
                            List<Rule> rules, int firstSteps, List<Group> groups, List<Precautions> precautions) {

    /** A risk level; the script shows the one with the highest rank it finds. */
    public record Level(String slug, int rank, String summary) {
    }

    /** A risk rule in the form the script evaluates (see {@link RiskRule#requirementSlugs()}). */
    public record Rule(String requires, int rank, String explanation) {
    }

    /** A step, and what the script needs to keep it (the data classes that call for it) and order it. */
    public record StepItem(String slug, int urgency, String dataClasses, String text) {
    }

    /** A group of steps, in the order a result shows them; the script removes the steps not called for. */
    public record Group(String slug, String heading, List<StepItem> steps) {
    }

    /** What to do when an identifier of this type is in no known leak. */
    public record Precautions(String type, List<String> steps) {
    }

    public static ResultDetails of(List<Breach> breaches, Language language) {
        ExposureMessages messages = language.messages(ExposureMessages.class);
        List<DataClass> exposed = breaches.stream()
                .flatMap(breach -> DataClass.ofSlugs(breach.dataClasses).stream()).distinct().toList();
        return new ResultDetails(
                breaches.stream().map(breach -> BreachView.of(breach, language)).toList(),
                ExposureView.allOf(exposed, language),
                Arrays.stream(Severity.values()).sorted(Comparator.comparingInt(Severity::rank).reversed())
                        .map(level -> new Level(level.slug(), level.rank(), messages.riskSummary(level))).toList(),
                Arrays.stream(RiskRule.values())
                        .map(rule -> new Rule(rule.requirementSlugs(), rule.level().rank(),
                                messages.riskRule(rule)))
                        .toList(),
                StepPlan.FIRST_STEPS,
                Arrays.stream(StepGroup.values()).map(group -> new Group(group.slug(), messages.stepGroup(group),
                        Arrays.stream(Step.values()).filter(step -> step.group() == group)
                                .map(step -> new StepItem(step.slug(), step.urgency(), step.dataClassSlugs(), messages.step(step)))
                                .toList())).toList(),
                Arrays.stream(IdentifierType.values()).filter(type -> type != IdentifierType.PASSWORD)
                        .map(type -> new Precautions(type.slug(), Step.precautionsFor(type).stream().map(messages::step).toList()))
                        .toList());
    }
}
