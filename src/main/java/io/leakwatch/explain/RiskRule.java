package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.leakwatch.breach.DataClass.*;

/**
 * Data that is worse together than apart: when every requirement is met (each by at least one of its
 * data classes, from any of the breaches a person is in), the risk is at least {@code level}.
 */
public enum RiskRule {
    ACCOUNT_TAKEOVER(Severity.HIGH, Set.of(PASSWORDS), Set.of(EMAIL_ADDRESSES, USERNAMES, PHONE_NUMBERS)),
    IDENTITY_FRAUD(Severity.HIGH, Set.of(NAMES), Set.of(DATES_OF_BIRTH),
            Set.of(PHONE_NUMBERS, PHYSICAL_ADDRESSES, GOVERNMENT_ISSUED_IDS)),
    SENSITIVE_PROFILE(Severity.VERY_HIGH, Set.of(POLITICAL_AFFILIATIONS, ETHNICITIES, CRIMINAL_RECORDS, POLICE_REPORTS),
            Set.of(NAMES, GOVERNMENT_ISSUED_IDS, PHONE_NUMBERS)),
    FINDING_YOU(Severity.HIGH, Set.of(NAMES), Set.of(PHYSICAL_ADDRESSES, LOCATION_HISTORY, GEOGRAPHIC_LOCATIONS)),
    TARGETED_SCAMS(Severity.MEDIUM, Set.of(NAMES), Set.of(EMAIL_ADDRESSES, PHONE_NUMBERS));

    private final Severity level;
    private final List<Set<DataClass>> requirements;

    @SafeVarargs
    RiskRule(Severity level, Set<DataClass>... requirements) {
        this.level = level;
        this.requirements = List.of(requirements);
    }

    public Severity level() {
        return level;
    }

    public boolean appliesTo(Collection<DataClass> exposed) {
        return requirements.stream().allMatch(anyOf -> anyOf.stream().anyMatch(exposed::contains));
    }

    /**
     * The requirements as the result page's script reads them: requirements separated by {@code ;},
     * the data classes that meet one by spaces, e.g. {@code passwords;email-addresses usernames}.
     */
    public String requirementSlugs() {
        return requirements.stream()
                .map(anyOf -> anyOf.stream().map(DataClass::slug).sorted().collect(Collectors.joining(" ")))
                .collect(Collectors.joining(";"));
    }
}
