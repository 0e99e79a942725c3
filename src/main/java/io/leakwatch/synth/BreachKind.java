package io.leakwatch.synth;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of breach the generator imitates; the slug is what the command line takes. */
public enum BreachKind {
    POLICE_RECORDS("police-records"),
    PARTY_ROSTER("party-roster"),
    TELCO_LOCATION("telco-location"),
    CREDENTIAL_DUMP("credential-dump");

    private final String slug;

    BreachKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<BreachKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    public static String slugs() {
        return Arrays.stream(values()).map(BreachKind::slug).collect(Collectors.joining(", "));
    }

    // Random streams are keyed by the slug, not the ordinal, so reordering kinds changes no output
    long rowStream() {
        return (long) slug.hashCode() << 1;
    }

    long personStream() {
        return (long) slug.hashCode() << 1 | 1;
    }
}
