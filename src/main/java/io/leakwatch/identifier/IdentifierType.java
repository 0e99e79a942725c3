package io.leakwatch.identifier;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of identifier a person can check, with the slug used in URLs, forms and test vectors. */
public enum IdentifierType {
    EMAIL("email"),
    PHONE("phone"),
    NATIONAL_ID("national-id"),
    USERNAME("username"),
    PASSWORD("password");

    private final String slug;

    IdentifierType(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<IdentifierType> fromSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }
}
