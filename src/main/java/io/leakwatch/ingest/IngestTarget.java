package io.leakwatch.ingest;

import io.quarkus.qute.TemplateEnum;

/** Which index a list of bare hashes goes into. */
@TemplateEnum
public enum IngestTarget {
    PASSWORDS, ACCOUNTS
}
