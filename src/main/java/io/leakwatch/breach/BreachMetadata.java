package io.leakwatch.breach;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A breach's description as an admin gives it (HIBP field names, so existing tooling can send it; Title
 * and Description are in English), with its title and description in other languages under
 * {@code Translations}, keyed by language code ({@link BreachTranslation}). The admin form and the API
 * both go through {@link BreachRegistry#create}, which checks these constraints. Data classes may be
 * slugs or Have I Been Pwned's names ({@link DataClass#named}), so that a breach read from the API can be
 * sent back as it is.
 */
public record BreachMetadata(
        @JsonProperty("Name") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}",
                message = "letters, digits, dot, dash or underscore; up to 100") String name,
        @JsonProperty("Title") @NotBlank @Size(max = 200)
        @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "no control characters or line breaks") String title,
        @JsonProperty("Domain") @Size(max = 253) @Pattern(regexp = "|([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}",
                message = "a domain name such as example.org, or nothing") String domain,
        @JsonProperty("BreachDate") @NotNull @PastOrPresent LocalDate breachDate,
        @JsonProperty("Description") @Size(max = 10_000) String description,
        @JsonProperty("DataClasses") List<String> dataClasses,
        @JsonProperty("IsVerified") boolean verified,
        @JsonProperty("IsFabricated") boolean fabricated,
        @JsonProperty("IsSensitive") boolean sensitive,
        @JsonProperty("IsSpamList") boolean spamList,
        @JsonProperty("Translations") Map<String, @Valid BreachTranslation> translations) {

    /** Text that shows on one line (a title reaches mail subjects): no C0/C1 controls, no format or separator characters. */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";
}
