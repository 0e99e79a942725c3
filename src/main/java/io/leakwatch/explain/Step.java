package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.leakwatch.identifier.IdentifierType;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static io.leakwatch.breach.DataClass.*;
import static io.leakwatch.explain.StepGroup.*;

/**
 * One thing a person can do about exposed data, in the order of urgency (declaration order): first what
 * protects their safety, money and accounts today, then what stops the scams to come, then their rights.
 * A step is called for by any of its data classes, and shown once however many of them leaked, so advice
 * never repeats across data kinds. Its words are the {@code exposure} bundle's {@code step_*}.
 */
public enum Step {
    CHANGE_LEAKED_PASSWORD(ACCOUNTS, PASSWORDS),
    SAFETY_FIRST(SAFETY, POLICE_REPORTS, LOCATION_HISTORY),
    TELL_YOUR_BANK(MONEY_AND_IDENTITY, FINANCIAL_RECORDS),
    HANG_UP_AND_CALL_BACK(SCAMS, PHONE_NUMBERS, NAMES, GOVERNMENT_ISSUED_IDS, DATES_OF_BIRTH, PHYSICAL_ADDRESSES,
            CRIMINAL_RECORDS, POLICE_REPORTS, FINANCIAL_RECORDS, TRAVEL_RECORDS, DEVICE_INFORMATION),
    ASK_POLICE_IN_WRITING(RIGHTS_AND_HELP, CRIMINAL_RECORDS, POLICE_REPORTS),
    DO_NOT_PAY_BLACKMAIL(SAFETY, CRIMINAL_RECORDS, POLICE_REPORTS, POLITICAL_AFFILIATIONS, ETHNICITIES),
    NEVER_SHARE_CODES(PHONE, PHONE_NUMBERS, FINANCIAL_RECORDS),
    OPERATOR_SERVICE_PASSWORD(PHONE, PHONE_NUMBERS, DEVICE_INFORMATION),
    CREDIT_REPORT(MONEY_AND_IDENTITY, GOVERNMENT_ISSUED_IDS, FINANCIAL_RECORDS),
    NUMBERS_ON_YOUR_ID(MONEY_AND_IDENTITY, GOVERNMENT_ISSUED_IDS),
    TWO_STEP_SIGN_IN(ACCOUNTS, PASSWORDS, EMAIL_ADDRESSES, USERNAMES),
    UNIQUE_PASSWORDS(ACCOUNTS, PASSWORDS, USERNAMES),
    REVIEW_ACCOUNT_ACTIVITY(ACCOUNTS, PASSWORDS),
    REPORT_IDENTITY_MISUSE(MONEY_AND_IDENTITY, GOVERNMENT_ISSUED_IDS, FINANCIAL_RECORDS, DATES_OF_BIRTH),
    VARY_ROUTINES(SAFETY, LOCATION_HISTORY, TRAVEL_RECORDS, PHYSICAL_ADDRESSES),
    KEEP_RECORDS_GET_LEGAL_HELP(RIGHTS_AND_HELP, CRIMINAL_RECORDS, POLITICAL_AFFILIATIONS, ETHNICITIES, POLICE_REPORTS),
    ID_CARD_PHOTOS(MONEY_AND_IDENTITY, GOVERNMENT_ISSUED_IDS),
    LOCATION_SHARING(PHONE, LOCATION_HISTORY, GEOGRAPHIC_LOCATIONS),
    AUTHENTICATOR_APP(PHONE, PHONE_NUMBERS),
    PHISHING_EMAILS(SCAMS, EMAIL_ADDRESSES),
    CHECK_WORK_REQUESTS(SCAMS, EMPLOYERS, JOB_TITLES),
    TELL_YOUR_EMPLOYER(SCAMS, EMPLOYERS),
    TRAVEL_REFUND_SCAMS(SCAMS, TRAVEL_RECORDS),
    UNEXPECTED_POST_AND_VISITORS(SCAMS, PHYSICAL_ADDRESSES, GEOGRAPHIC_LOCATIONS),
    BIRTH_DATE_SECRETS(ACCOUNTS, DATES_OF_BIRTH, PLACES_OF_BIRTH),
    OLD_ACCOUNTS(ACCOUNTS, USERNAMES, EMAIL_ADDRESSES),
    LIMIT_WHAT_YOU_SHARE(SAFETY, POLITICAL_AFFILIATIONS, ETHNICITIES, PLACES_OF_BIRTH, JOB_TITLES, NAMES),
    REPORT_DATA_FOR_SALE(RIGHTS_AND_HELP, DataClass.values()),
    USE_YOUR_RIGHTS(RIGHTS_AND_HELP, DataClass.values());

    private final StepGroup group;
    private final Set<DataClass> calledForBy;

    Step(StepGroup group, DataClass... calledForBy) {
        this.group = group;
        this.calledForBy = Set.copyOf(Arrays.asList(calledForBy));
    }

    public StepGroup group() {
        return group;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Lower is sooner. */
    public int urgency() {
        return ordinal();
    }

    public boolean isCalledForBy(Collection<DataClass> exposed) {
        return exposed.stream().anyMatch(calledForBy::contains);
    }

    /** The data classes that call for it, as the result page's script reads them: slugs separated by spaces. */
    public String dataClassSlugs() {
        return calledForBy.stream().map(DataClass::slug).sorted().collect(Collectors.joining(" "));
    }

    /** The steps exposed data calls for, most urgent first. */
    public static List<Step> calledForBy(Collection<DataClass> exposed) {
        return Arrays.stream(values()).filter(step -> step.isCalledForBy(exposed)).toList();
    }

    /**
     * Good habits for someone whose identifier of this type is in no known leak: what protects it best
     * if it leaks one day.
     */
    public static List<Step> precautionsFor(IdentifierType type) {
        return switch (type) {
            case EMAIL -> List.of(TWO_STEP_SIGN_IN, UNIQUE_PASSWORDS, PHISHING_EMAILS);
            case PHONE -> List.of(OPERATOR_SERVICE_PASSWORD, NEVER_SHARE_CODES, AUTHENTICATOR_APP);
            case NATIONAL_ID -> List.of(CREDIT_REPORT, NUMBERS_ON_YOUR_ID, ID_CARD_PHOTOS);
            case USERNAME, PASSWORD -> List.of(UNIQUE_PASSWORDS, TWO_STEP_SIGN_IN, OLD_ACCOUNTS);
        };
    }

    /** The steps one kind of data calls for, most urgent first. */
    public static List<Step> of(DataClass dataClass) {
        return calledForBy(EnumSet.of(dataClass));
    }
}
