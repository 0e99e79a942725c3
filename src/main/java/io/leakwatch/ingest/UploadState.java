package io.leakwatch.ingest;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Where an upload is on its way: uploading, queued, staging, staged, publishing, then an end state. */
public enum UploadState {
    UPLOADING, QUEUED, STAGING, STAGED, PUBLISHING, PUBLISHED, DISCARDED, FAILED, CANCELLED, EXPIRED;

    /** The name the API, the pages and the database use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UploadState ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isEnded() {
        return this == PUBLISHED || this == DISCARDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }

    /** Whether the portal is working on it now (the pages follow its progress): not staged, not ended. */
    public boolean isInProgress() {
        return this != STAGED && !isEnded();
    }

    /** Stores the state as its wire name, as the column's check constraint expects. */
    @Converter
    public static class Column implements AttributeConverter<UploadState, String> {
        @Override
        public String convertToDatabaseColumn(UploadState state) {
            return state == null ? null : state.wireName();
        }

        @Override
        public UploadState convertToEntityAttribute(String name) {
            return name == null ? null : ofWireName(name);
        }
    }
}
