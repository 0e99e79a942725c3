package io.leakwatch.breach;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one vocabulary for exposed data: a stable slug (URLs, message keys, storage) and the English
 * name in Have I Been Pwned's style (API, pages).
 */
public enum DataClass {
    EMAIL_ADDRESSES("email-addresses", "Email addresses"),
    USERNAMES("usernames", "Usernames"),
    PASSWORDS("passwords", "Passwords"),
    PHONE_NUMBERS("phone-numbers", "Phone numbers"),
    NAMES("names", "Names"),
    GOVERNMENT_ISSUED_IDS("government-issued-ids", "Government issued IDs"),
    DATES_OF_BIRTH("dates-of-birth", "Dates of birth"),
    PLACES_OF_BIRTH("places-of-birth", "Places of birth"),
    PHYSICAL_ADDRESSES("physical-addresses", "Physical addresses"),
    ETHNICITIES("ethnicities", "Ethnicities"),
    POLITICAL_AFFILIATIONS("political-affiliations", "Political affiliations"),
    EMPLOYERS("employers", "Employers"),
    JOB_TITLES("job-titles", "Job titles"),
    CRIMINAL_RECORDS("criminal-records", "Criminal records"),
    POLICE_REPORTS("police-reports", "Police reports"),
    GEOGRAPHIC_LOCATIONS("geographic-locations", "Geographic locations"),
    LOCATION_HISTORY("location-history", "Location history"),
    TRAVEL_RECORDS("travel-records", "Travel records"),
    FINANCIAL_RECORDS("financial-records", "Financial records"),
    DEVICE_INFORMATION("device-information", "Device information");

    private final String slug;
    private final String displayName;

    DataClass(String slug, String displayName) {
        this.slug = slug;
        this.displayName = displayName;
    }

    public String slug() {
        return slug;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<DataClass> ofSlug(String slug) {
        return Arrays.stream(values()).filter(dataClass -> dataClass.slug.equals(slug)).findFirst();
    }

    /**
     * The data class an admin or an API client named, by slug ({@code phone-numbers}) or by Have I Been
     * Pwned's name ({@code Phone numbers}, as every read API answers), in any case.
     */
    public static Optional<DataClass> named(String slugOrName) {
        String wanted = slugOrName == null ? "" : slugOrName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(dataClass -> dataClass.slug.equals(wanted) || dataClass.displayName.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** Every data class as a sentence can list them: {@code email-addresses (Email addresses), ...}. */
    public static String vocabulary() {
        return Arrays.stream(values()).map(dataClass -> dataClass.slug + " (" + dataClass.displayName + ")")
                .collect(Collectors.joining(", "));
    }

    /** The known data classes among stored slugs; unknown ones (from a newer version) are left out. */
    public static List<DataClass> ofSlugs(Collection<String> slugs) {
        return slugs.stream().map(DataClass::ofSlug).flatMap(Optional::stream).toList();
    }

    /** The display name of a stored slug; an unknown slug (from a newer version) is shown as is. */
    static String nameOfSlug(String slug) {
        return ofSlug(slug).map(DataClass::displayName).orElse(slug);
    }
}
