package io.leakwatch.breach;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A breach's title and description in another language than English, in the field names of Have I
 * Been Pwned's model, which has only English ones: the API's {@code Translations} and the stored
 * {@code translations} column hold one per language code ({@code {"zh": {"Title": …, "Description": …}}}).
 * The description is HTML, sanitised as {@link BreachDescription} does.
 */
public record BreachTranslation(
        @JsonProperty("Title") @NotBlank @Size(max = 200)
        @Pattern(regexp = BreachMetadata.NO_CONTROL_CHARACTERS, message = "no control characters or line breaks") String title,
        @JsonProperty("Description") @Size(max = 10_000) String description) {

    /** As it is stored and shown: the description sanitised, never null. */
    BreachTranslation sanitised() {
        return new BreachTranslation(title, BreachDescription.sanitise(description));
    }
}
