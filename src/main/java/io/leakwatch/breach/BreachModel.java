package io.leakwatch.breach;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A breach in the field names and formats of Have I Been Pwned's v3 breach model, Title and Description
 * in English, with its title and description in other languages under {@code Translations}.
 */
public record BreachModel(
        @JsonProperty("Name") String name,
        @JsonProperty("Title") String title,
        @JsonProperty("Domain") String domain,
        @JsonProperty("BreachDate") LocalDate breachDate,
        @JsonProperty("AddedDate") Instant addedDate,
        @JsonProperty("ModifiedDate") Instant modifiedDate,
        @JsonProperty("PwnCount") long pwnCount,
        @JsonProperty("Description") String description,
        @JsonProperty("LogoPath") String logoPath,
        @JsonProperty("DataClasses") List<String> dataClasses,
        @JsonProperty("IsVerified") boolean verified,
        @JsonProperty("IsFabricated") boolean fabricated,
        @JsonProperty("IsSensitive") boolean sensitive,
        @JsonProperty("IsRetired") boolean retired,
        @JsonProperty("IsSpamList") boolean spamList,
        @JsonProperty("IsMalware") boolean malware,
        @JsonProperty("IsSubscriptionFree") boolean subscriptionFree,
        @JsonProperty("IsStealerLog") boolean stealerLog,
        @JsonProperty("Translations") Map<String, BreachTranslation> translations) {

    /** HIBP names data classes ("Email addresses"); we store their slugs. */
    static BreachModel of(Breach breach) {
        return new BreachModel(breach.name, breach.title, breach.domain, breach.breachDate,
                breach.addedAt.truncatedTo(ChronoUnit.SECONDS), breach.modifiedAt.truncatedTo(ChronoUnit.SECONDS),
                breach.pwnCount, BreachDescription.sanitise(breach.description), breach.logoPath,
                breach.dataClasses.stream().map(DataClass::nameOfSlug).toList(),
                breach.verified, breach.fabricated, breach.sensitive, breach.retired, breach.spamList,
                breach.malware, breach.subscriptionFree, breach.stealerLog,
                new TreeMap<>(breach.translations.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().sanitised()))));
    }
}
