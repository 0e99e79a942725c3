package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.leakwatch.identifier.IdentifierType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.leakwatch.breach.DataClass.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a result asks a person to do: a few steps first, the rest grouped, nothing twice, fitting the leak. */
class StepPlanTest {

    private static final Set<DataClass> FORUM = EnumSet.of(EMAIL_ADDRESSES, USERNAMES, PASSWORDS);
    private static final Set<DataClass> POLICE = EnumSet.of(NAMES, PHONE_NUMBERS, GOVERNMENT_ISSUED_IDS, DATES_OF_BIRTH,
            PLACES_OF_BIRTH, PHYSICAL_ADDRESSES, CRIMINAL_RECORDS, POLICE_REPORTS);
    private static final Set<DataClass> TELCO = EnumSet.of(PHONE_NUMBERS, DEVICE_INFORMATION, GEOGRAPHIC_LOCATIONS, LOCATION_HISTORY);

    @Test
    void everyKindOfDataCallsForAtLeastTwoStepsAndEveryStepForSomeData() {
        for (DataClass dataClass : DataClass.values()) {
            assertTrue(Step.of(dataClass).size() >= 2, dataClass + ": " + Step.of(dataClass));
        }
        for (Step step : Step.values()) {
            assertTrue(step.isCalledForBy(EnumSet.allOf(DataClass.class)), step.name());
        }
    }

    @Test
    void aPoliceDatabaseAndATelcoLeakTogetherGiveThreeStepsFirstThenTheRestByGroupEachOnce() {
        Set<DataClass> exposed = EnumSet.copyOf(POLICE);
        exposed.addAll(TELCO);
        StepPlan plan = StepPlan.of(exposed);

        assertEquals(List.of(Step.SAFETY_FIRST, Step.HANG_UP_AND_CALL_BACK, Step.ASK_POLICE_IN_WRITING), plan.first());
        List<Step> all = new ArrayList<>(plan.first());
        plan.groups().forEach(group -> all.addAll(group.steps()));
        assertEquals(all.size(), Set.copyOf(all).size(), "no step twice");
        assertEquals(Set.copyOf(Step.calledForBy(exposed)), Set.copyOf(all), "every step called for, once");
        assertTrue(all.size() < 25, "far fewer than the 32 numbered steps of one per data class: " + all.size());
        for (StepPlan.Group group : plan.groups()) {
            assertTrue(group.steps().stream().allMatch(step -> step.group() == group.group()), group.group().name());
            assertEquals(group.steps().stream().sorted().toList(), group.steps(), "most urgent first within a group");
        }
    }

    @Test
    void aForumPasswordComesFirstForAForumLeak() {
        assertEquals(List.of(Step.CHANGE_LEAKED_PASSWORD, Step.TWO_STEP_SIGN_IN, Step.UNIQUE_PASSWORDS), StepPlan.of(FORUM).first());
    }

    @Test
    void aForumPasswordAndAPoliceRecordAreNotTheSameRisk() {
        Severity forum = RiskAssessment.of(FORUM).level();
        Severity police = RiskAssessment.of(POLICE).level();
        assertEquals(Severity.HIGH, forum, "a password: act today");
        assertEquals(Severity.VERY_HIGH, police, "records of police cases tied to a person: lasting harm");
        assertNotEquals(forum, police);
        assertEquals(Severity.HIGH, RiskAssessment.of(TELCO).level());
    }

    @Test
    void precautionsWhenNothingIsFoundFitTheTypeChecked() {
        assertTrue(Step.precautionsFor(IdentifierType.NATIONAL_ID).containsAll(List.of(Step.CREDIT_REPORT, Step.NUMBERS_ON_YOUR_ID)));
        assertTrue(Step.precautionsFor(IdentifierType.PHONE).contains(Step.OPERATOR_SERVICE_PASSWORD));
        assertTrue(Step.precautionsFor(IdentifierType.EMAIL).contains(Step.TWO_STEP_SIGN_IN));
        assertTrue(Step.precautionsFor(IdentifierType.NATIONAL_ID).stream().noneMatch(step -> step.group() == StepGroup.ACCOUNTS),
                "no password advice for an ID number");
    }
}
