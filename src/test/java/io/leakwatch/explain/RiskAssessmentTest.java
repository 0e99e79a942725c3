package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.leakwatch.breach.DataClass.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskAssessmentTest {

    @Test
    void everyDataClassHasASeverityAndAPlaceInTheOrderHighestFirst() {
        List<DataClass> order = ExposureGuide.byUrgency();
        assertEquals(Set.of(DataClass.values()), Set.copyOf(order));
        assertEquals(DataClass.values().length, order.size());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(ExposureGuide.severityOf(order.get(i - 1)).rank() >= ExposureGuide.severityOf(order.get(i)).rank(),
                    "more serious first: " + order.get(i - 1) + " before " + order.get(i));
        }
        assertEquals(PASSWORDS, order.get(0), "a leaked password is the first thing to deal with");
    }

    @Test
    void anEmailAddressAloneIsALowRisk() {
        assertEquals(new RiskAssessment(Severity.LOW, List.of()), RiskAssessment.of(Set.of(EMAIL_ADDRESSES)));
    }

    @Test
    void theMostSeriousDataClassSetsTheLevel() {
        assertEquals(Severity.MEDIUM, RiskAssessment.of(Set.of(EMAIL_ADDRESSES, PHONE_NUMBERS)).level());
        assertEquals(Severity.HIGH, RiskAssessment.of(Set.of(USERNAMES, LOCATION_HISTORY)).level());
    }

    @Test
    void dataThatIsWorseTogetherRaisesTheLevelAndSaysWhy() {
        RiskAssessment scams = RiskAssessment.of(Set.of(NAMES, EMAIL_ADDRESSES));
        assertEquals(new RiskAssessment(Severity.MEDIUM, List.of(RiskRule.TARGETED_SCAMS)), scams);

        RiskAssessment identity = RiskAssessment.of(Set.of(NAMES, DATES_OF_BIRTH, PHYSICAL_ADDRESSES));
        assertEquals(Severity.HIGH, identity.level(), "each alone is at most medium");
        assertTrue(identity.rules().containsAll(List.of(RiskRule.IDENTITY_FRAUD, RiskRule.FINDING_YOU)));

        assertEquals(List.of(RiskRule.ACCOUNT_TAKEOVER), RiskAssessment.of(Set.of(USERNAMES, PASSWORDS)).rules());
        assertEquals(List.of(), RiskAssessment.of(Set.of(PASSWORDS)).rules(), "a password alone names no account");
    }

    @Test
    void rulesAreWrittenForTheResultPagesScript() {
        assertEquals("passwords;email-addresses phone-numbers usernames", RiskRule.ACCOUNT_TAKEOVER.requirementSlugs());
        for (RiskRule rule : RiskRule.values()) {
            assertNotNull(rule.level());
            assertTrue(rule.requirementSlugs().matches("[a-z -]+(;[a-z -]+)*"), rule.requirementSlugs());
        }
        assertTrue(Arrays.stream(RiskRule.values()).allMatch(rule -> rule.requirementSlugs().contains(";")),
                "every rule combines data");
    }
}
