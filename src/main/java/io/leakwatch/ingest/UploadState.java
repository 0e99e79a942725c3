package io.leakwatch.ingest;

import io.quarkus.qute.TemplateEnum;

import java.util.Locale;

/** Where an upload is on its way: uploading, queued, staging, staged, publishing, then an end state. */
@TemplateEnum
public enum UploadState {
    UPLOADING, QUEUED, STAGING, STAGED, PUBLISHING, PUBLISHED, DISCARDED, FAILED, CANCELLED, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UploadState ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isEnded() {
        return this == PUBLISHED || this == DISCARDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
