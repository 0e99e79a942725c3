package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.leakwatch.breach.DataClass.*;
import static io.leakwatch.explain.Severity.HIGH;
import static io.leakwatch.explain.Severity.LOW;
import static io.leakwatch.explain.Severity.MEDIUM;

/**
 * How serious each kind of exposed data is, and in which order a person should deal with them. The
 * words for each (what an attacker can do, the steps) are in the {@code exposure} message bundle.
 */
public final class ExposureGuide {

    private record Guidance(DataClass dataClass, Severity severity) {
    }

    /**
     * In the order to act on them: first what lets someone into accounts or money today, then what
     * cannot be changed and can hurt a person, then what mostly makes scams more convincing.
     */
    private static final List<Guidance> BY_URGENCY = List.of(
            new Guidance(PASSWORDS, HIGH),
            new Guidance(FINANCIAL_RECORDS, HIGH),
            new Guidance(GOVERNMENT_ISSUED_IDS, HIGH),
            new Guidance(LOCATION_HISTORY, HIGH),
            new Guidance(POLICE_REPORTS, HIGH),
            new Guidance(CRIMINAL_RECORDS, HIGH),
            new Guidance(POLITICAL_AFFILIATIONS, HIGH),
            new Guidance(ETHNICITIES, HIGH),
            new Guidance(TRAVEL_RECORDS, HIGH),
            new Guidance(PHONE_NUMBERS, MEDIUM),
            new Guidance(PHYSICAL_ADDRESSES, MEDIUM),
            new Guidance(DEVICE_INFORMATION, MEDIUM),
            new Guidance(DATES_OF_BIRTH, MEDIUM),
            new Guidance(PLACES_OF_BIRTH, MEDIUM),
            new Guidance(EMPLOYERS, MEDIUM),
            new Guidance(GEOGRAPHIC_LOCATIONS, MEDIUM),
            new Guidance(EMAIL_ADDRESSES, LOW),
            new Guidance(USERNAMES, LOW),
            new Guidance(NAMES, LOW),
            new Guidance(JOB_TITLES, LOW));

    private static final Map<DataClass, Severity> SEVERITY = new EnumMap<>(DataClass.class);
    private static final Map<DataClass, Integer> URGENCY = new EnumMap<>(DataClass.class);

    static {
        for (Guidance guidance : BY_URGENCY) {
            SEVERITY.put(guidance.dataClass(), guidance.severity());
            URGENCY.put(guidance.dataClass(), URGENCY.size());
        }
    }

    private ExposureGuide() {
    }

    public static Severity severityOf(DataClass dataClass) {
        return SEVERITY.get(dataClass);
    }

    /** Every data class, most urgent first: the order of "what to do". */
    public static List<DataClass> byUrgency() {
        return BY_URGENCY.stream().map(Guidance::dataClass).toList();
    }

    /** The given data classes, most urgent first. */
    public static List<DataClass> byUrgency(Collection<DataClass> dataClasses) {
        return dataClasses.stream().distinct().sorted(Comparator.comparing(URGENCY::get)).toList();
    }
}
