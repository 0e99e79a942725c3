package io.leakwatch.breach;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A breach's description as an admin gives it (HIBP field names, so existing tooling can send it). */
public record BreachMetadata(
        @JsonProperty("Name") @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}",
                message = "letters, digits, dot, dash or underscore; up to 100") String name,
        @JsonProperty("Title") @NotBlank @Size(max = 200) String title,
        @JsonProperty("Domain") @Size(max = 253) String domain,
        @JsonProperty("BreachDate") @NotNull @PastOrPresent LocalDate breachDate,
        @JsonProperty("Description") @Size(max = 10_000) String description,
        @JsonProperty("DataClasses") List<@Pattern(regexp = "[a-z-]+") String> dataClasses,
        @JsonProperty("IsVerified") boolean verified,
        @JsonProperty("IsFabricated") boolean fabricated,
        @JsonProperty("IsSensitive") boolean sensitive,
        @JsonProperty("IsSpamList") boolean spamList) {
}
