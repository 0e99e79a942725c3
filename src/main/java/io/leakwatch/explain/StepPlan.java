package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.leakwatch.web.Language;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a person in a leak should do, as a result shows it: the few most urgent steps first, then the
 * rest grouped by kind, each step once. The result page's script makes the same plan from the steps'
 * data attributes (see {@code check/details.html}); the browser tests check that they agree.
 */
public record StepPlan(List<Step> first, List<Group> groups) {

    /** How many steps a result asks a person to take first. */
    public static final int FIRST_STEPS = 3;

    public record Group(StepGroup group, List<Step> steps) {
    }

    /** The plan in one language, as a page shows it. */
    public record Shown(List<String> first, List<ShownGroup> groups) {
    }

    public record ShownGroup(String heading, List<String> steps) {
    }

    public Shown in(Language language) {
        ExposureMessages messages = language.messages(ExposureMessages.class);
        return new Shown(first.stream().map(messages::step).toList(), groups.stream()
                .map(group -> new ShownGroup(messages.stepGroup(group.group()), group.steps().stream().map(messages::step).toList()))
                .toList());
    }

    public static StepPlan of(Collection<DataClass> exposed) {
        List<Step> steps = Step.calledForBy(exposed);
        List<Step> first = steps.stream().limit(FIRST_STEPS).toList();
        List<Group> groups = Arrays.stream(StepGroup.values())
                .map(group -> new Group(group, steps.stream().skip(FIRST_STEPS).filter(step -> step.group() == group).toList()))
                .filter(group -> !group.steps().isEmpty())
                .toList();
        return new StepPlan(first, groups);
    }
}
