package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which columns of an accounts CSV hold identifiers (normalised, hashed, indexed) and which data
 * classes the other columns expose (their content is read by nobody: only the breach's list of data
 * classes records them). Given by the admin, or recognised from the header: the generator's headers
 * and their common synonyms load with no hand edits.
 */
public record ColumnMapping(Map<String, IdentifierType> identifiers, Map<String, List<String>> dataClasses) {

    private static final Map<String, IdentifierType> IDENTIFIER_NAMES = Map.ofEntries(
            Map.entry("email", IdentifierType.EMAIL), Map.entry("emailaddress", IdentifierType.EMAIL),
            Map.entry("mail", IdentifierType.EMAIL),
            Map.entry("phone", IdentifierType.PHONE), Map.entry("phonenumber", IdentifierType.PHONE),
            Map.entry("mobile", IdentifierType.PHONE), Map.entry("mobilenumber", IdentifierType.PHONE),
            Map.entry("telephone", IdentifierType.PHONE), Map.entry("msisdn", IdentifierType.PHONE),
            Map.entry("nationalid", IdentifierType.NATIONAL_ID), Map.entry("nationalidnumber", IdentifierType.NATIONAL_ID),
            Map.entry("idnumber", IdentifierType.NATIONAL_ID), Map.entry("idcard", IdentifierType.NATIONAL_ID),
            Map.entry("citizenid", IdentifierType.NATIONAL_ID), Map.entry("身份证号", IdentifierType.NATIONAL_ID),
            Map.entry("username", IdentifierType.USERNAME), Map.entry("login", IdentifierType.USERNAME),
            Map.entry("screenname", IdentifierType.USERNAME),
            Map.entry("password", IdentifierType.PASSWORD));

    private static final Map<String, List<String>> DATA_CLASS_NAMES = Map.ofEntries(
            Map.entry("name", List.of("names")), Map.entry("fullname", List.of("names")), Map.entry("姓名", List.of("names")),
            Map.entry("dateofbirth", List.of("dates-of-birth")), Map.entry("dob", List.of("dates-of-birth")),
            Map.entry("birthdate", List.of("dates-of-birth")),
            Map.entry("placeofbirth", List.of("places-of-birth")), Map.entry("birthplace", List.of("places-of-birth")),
            Map.entry("address", List.of("physical-addresses")),
            Map.entry("casetype", List.of("criminal-records", "police-reports")),
            Map.entry("casedate", List.of("criminal-records", "police-reports")),
            Map.entry("ethnicity", List.of("ethnicities")),
            Map.entry("organisation", List.of("employers")), Map.entry("organization", List.of("employers")),
            Map.entry("employer", List.of("employers")),
            Map.entry("branch", List.of("political-affiliations")),
            Map.entry("position", List.of("job-titles", "political-affiliations")),
            Map.entry("jobtitle", List.of("job-titles")),
            Map.entry("joinedon", List.of("political-affiliations")),
            Map.entry("carrier", List.of("device-information")), Map.entry("handset", List.of("device-information")),
            Map.entry("city", List.of("geographic-locations")),
            Map.entry("lastseenat", List.of("location-history")),
            Map.entry("latitude", List.of("geographic-locations", "location-history")),
            Map.entry("longitude", List.of("geographic-locations", "location-history")),
            Map.entry("travel", List.of("travel-records")), Map.entry("trips", List.of("travel-records")),
            Map.entry("bankaccount", List.of("financial-records")));

    /** The data class each identifier type exposes. */
    private static final Map<IdentifierType, String> IDENTIFIER_DATA_CLASSES = Map.of(
            IdentifierType.EMAIL, "email-addresses", IdentifierType.PHONE, "phone-numbers",
            IdentifierType.NATIONAL_ID, "government-issued-ids", IdentifierType.USERNAME, "usernames",
            IdentifierType.PASSWORD, "passwords");

    /** Recognises the columns of a header; columns it does not know are left out. */
    public static ColumnMapping detect(List<String> header) {
        Map<String, IdentifierType> identifiers = new LinkedHashMap<>();
        Map<String, List<String>> dataClasses = new LinkedHashMap<>();
        for (String column : header) {
            String key = column.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            IdentifierType type = IDENTIFIER_NAMES.get(key);
            if (type != null) {
                identifiers.put(column, type);
            } else if (DATA_CLASS_NAMES.containsKey(key)) {
                dataClasses.put(column, DATA_CLASS_NAMES.get(key));
            }
        }
        return new ColumnMapping(identifiers, dataClasses);
    }

    public boolean isEmpty() {
        return identifiers.isEmpty() && dataClasses.isEmpty();
    }

    /** Every data class the mapped columns expose, identifiers' own included, sorted. */
    public Set<String> exposedDataClasses() {
        Set<String> exposed = new TreeSet<>();
        identifiers.values().forEach(type -> exposed.add(IDENTIFIER_DATA_CLASSES.get(type)));
        dataClasses.values().forEach(exposed::addAll);
        return exposed;
    }
}
