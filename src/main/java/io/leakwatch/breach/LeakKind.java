package io.leakwatch.breach;

import java.util.Collection;

import static io.leakwatch.breach.DataClass.*;

/**
 * What kind of leak a breach is, told from the data it exposed: the catalogue records data classes,
 * and the kinds of leak Leakwatch deals with each expose a recognisable set.
 */
public enum LeakKind {
    POLICE_RECORDS,
    PARTY_ROSTER,
    TELECOM_RECORDS,
    TRAVEL_AND_FINANCIAL_RECORDS,
    WEBSITE_ACCOUNTS,
    PERSONAL_RECORDS;

    /** The first kind, in this order, whose telltale data the breach exposed. */
    public static LeakKind of(Collection<DataClass> exposed) {
        if (exposed.contains(CRIMINAL_RECORDS) || exposed.contains(POLICE_REPORTS)) {
            return POLICE_RECORDS;
        }
        if (exposed.contains(POLITICAL_AFFILIATIONS)) {
            return PARTY_ROSTER;
        }
        if (exposed.contains(LOCATION_HISTORY) || exposed.contains(DEVICE_INFORMATION)) {
            return TELECOM_RECORDS;
        }
        if (exposed.contains(TRAVEL_RECORDS) || exposed.contains(FINANCIAL_RECORDS)) {
            return TRAVEL_AND_FINANCIAL_RECORDS;
        }
        if (exposed.contains(PASSWORDS) || exposed.contains(USERNAMES)) {
            return WEBSITE_ACCOUNTS;
        }
        return PERSONAL_RECORDS;
    }
}
