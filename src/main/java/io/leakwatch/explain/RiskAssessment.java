package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The risk of a set of exposed data: the highest severity among the data classes and among the
 * {@link RiskRule}s they meet. The result page's script applies the same rules, read from the data
 * attributes of the page, to the breaches found (see {@code check/details.html}).
 */
public record RiskAssessment(Severity level, List<RiskRule> rules) {

    public static RiskAssessment of(Collection<DataClass> exposed) {
        List<RiskRule> rules = Arrays.stream(RiskRule.values()).filter(rule -> rule.appliesTo(exposed)).toList();
        Severity level = Severity.LOW;
        for (DataClass dataClass : exposed) {
            level = level.atLeast(ExposureGuide.severityOf(dataClass));
        }
        for (RiskRule rule : rules) {
            level = level.atLeast(rule.level());
        }
        return new RiskAssessment(level, rules);
    }
}
