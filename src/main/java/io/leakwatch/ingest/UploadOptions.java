package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierType;

/**
 * How to read an upload beyond its format: the index a hash list goes into, the type of an
 * identifiers file, the columns of an accounts CSV (empty: recognise them from the header).
 */
public record UploadOptions(IngestTarget target, IdentifierType identifierType, ColumnMapping columns) {
}
