package io.leakwatch.check;

import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachView;
import io.leakwatch.breach.DataClass;
import io.leakwatch.explain.ExposureMessages;
import io.leakwatch.explain.ExposureView;
import io.leakwatch.explain.RiskRule;
import io.leakwatch.explain.Severity;
import io.leakwatch.web.Language;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a result may need to show for a set of breaches: each breach, the advice for every
 * data class they exposed (most urgent first), every risk level's summary and every risk rule. The
 * browser keeps the breaches the person is in and what follows from them (see {@code js/check.js}),
 * so the server never learns which those are.
 */
public record ResultDetails(List<BreachView> breaches, List<ExposureView> advice, List<Level> levels,
                            List<Rule> rules) {

    /** A risk level; the script shows the one with the highest rank it finds. */
    public record Level(String slug, int rank, String summary) {
    }

    /** A risk rule in the form the script evaluates (see {@link RiskRule#requirementSlugs()}). */
    public record Rule(String requires, int rank, String explanation) {
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
                        .toList());
    }
}
