package io.leakwatch.ingest;

import io.leakwatch.admin.audit.AuditAction;
import io.leakwatch.admin.audit.AuditLog;
import io.leakwatch.breach.Breach;
import io.leakwatch.breach.BreachMetadata;
import io.leakwatch.breach.BreachRegistry;
import io.leakwatch.breach.DataClass;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.web.ClientAddress;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What an admin can do with breaches and uploads, the same from the pages and the automation API:
 * each action is validated here, carried out by the receiver or the job queue and written to the audit log
 * with who asked and from where.
 */
@RequestScoped
public class IngestActions {

    private final BreachRegistry breaches;
    private final UploadReceiver receiver;
    private final IngestWorker worker;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    public IngestActions(BreachRegistry breaches, UploadReceiver receiver, IngestWorker worker, AuditLog audit,
                         SecurityIdentity identity, HttpServerRequest request) {
        this.breaches = breaches;
        this.receiver = receiver;
        this.worker = worker;
        this.audit = audit;
        this.identity = identity;
        this.request = request;
    }

    /** An action refused, with a sentence for the admin and the HTTP status that fits. */
    /** 507: the disk would be left with less than the reserve. */
    private static final int INSUFFICIENT_STORAGE = 507;

    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Breach createBreach(BreachMetadata metadata) {
        try {
            Breach breach = breaches.create(metadata);
            record(AuditAction.BREACH_CREATED, breach.name);
            return breach;
        } catch (io.leakwatch.breach.DuplicateBreachException e) {
            throw new Refused(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        }
    }

    public Breach breach(String name) {
        return breaches.byName(name).orElseThrow(() -> new Refused(404, "No breach is named " + name + "."));
    }

    /**
     * Starts an upload of {@code body} for a breach. {@code columns} map accounts-CSV columns as
     * {@code NAME:TYPE} and {@code dataClassColumns} as {@code NAME:slug}; empty, they are recognised.
     */
    public Upload upload(String breachName, String formatName, String targetName, String typeName,
                         List<String> columns, List<String> dataClassColumns, InputStream body, OptionalLong declaredBytes) {
        Breach breach = breach(breachName);
        IngestFormat format = Optional.ofNullable(formatName).flatMap(IngestFormat::ofWireName)
                .orElseThrow(() -> new Refused(400, "format must be one of accounts-csv, identifiers, sha1, sha1-count,"
                        + " ntlm, ntlm-count, passwords."));
        IngestTarget target = IngestTarget.PASSWORDS;
        if (targetName != null && !targetName.isBlank()) {
            try {
                target = IngestTarget.valueOf(targetName.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new Refused(400, "target must be passwords or accounts.");
            }
        }
        if (target == IngestTarget.ACCOUNTS && (format == IngestFormat.NTLM || format == IngestFormat.NTLM_COUNT)) {
            throw new Refused(400, "Accounts are indexed by SHA-1; NTLM hashes can only be passwords.");
        }
        IdentifierType type = null;
        if (format == IngestFormat.IDENTIFIERS) {
            type = accountType(typeName);
        } else if (target == IngestTarget.ACCOUNTS) {
            // Account hashes are emails unless told otherwise: Have I Been Pwned's are.
            type = typeName == null || typeName.isBlank() ? IdentifierType.EMAIL : accountType(typeName);
        }
        ColumnMapping mapping = columnMapping(columns, dataClassColumns);
        Upload upload = receiver.create(breach, format, new UploadOptions(target, type, mapping), actor());
        try {
            upload = receiver.receive(upload.id, body, declaredBytes);
        } catch (IngestException e) {
            record(AuditAction.UPLOAD_REFUSED, breach.name + " " + format.wireName() + ": " + e.getMessage());
            throw new Refused(e instanceof StagingDisk.DiskFullException ? INSUFFICIENT_STORAGE : 400, e.getMessage());
        }
        record(AuditAction.UPLOAD_RECEIVED, breach.name + " " + format.wireName() + ", " + upload.uploadBytes
                + " bytes, upload " + upload.id);
        return upload;
    }

    public void publish(UUID id) {
        if (!worker.publish(id)) {
            throw new Refused(409, "Only a staged upload can be published.");
        }
        record(AuditAction.UPLOAD_PUBLISH_REQUESTED, "upload " + id);
    }

    public void discard(UUID id) {
        if (!worker.discard(id)) {
            throw new Refused(409, "Only a staged upload can be discarded; cancel one that is staging.");
        }
        record(AuditAction.UPLOAD_DISCARDED, "upload " + id);
    }

    public void cancel(UUID id) {
        worker.cancel(id);
        record(AuditAction.UPLOAD_CANCELLED, "upload " + id);
    }

    public void remove(String breachName) {
        Breach breach = breach(breachName);
        worker.remove(breach, actor());
        record(AuditAction.BREACH_REMOVAL_REQUESTED, breach.name);
    }

    private static IdentifierType accountType(String typeName) {
        return Optional.ofNullable(typeName).flatMap(IdentifierType::fromSlug)
                .filter(t -> t != IdentifierType.PASSWORD)
                .orElseThrow(() -> new Refused(400, "type must be email, phone, national-id or username."));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private void record(AuditAction action, String subject) {
        audit.record(actor(), action, subject, ClientAddress.of(request).address());
    }

    private static ColumnMapping columnMapping(List<String> columns, List<String> dataClassColumns) {
        Map<String, IdentifierType> identifiers = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split(":", 2);
            IdentifierType type = parts.length == 2 ? IdentifierType.fromSlug(parts[1]).orElse(null) : null;
            if (type == null) {
                throw new Refused(400, "column must be NAME:TYPE with TYPE email, phone, national-id, username or"
                        + " password, not " + column + ".");
            }
            identifiers.put(parts[0], type);
        }
        Map<String, List<String>> dataClasses = new LinkedHashMap<>();
        for (String column : dataClassColumns) {
            String[] parts = column.split(":", 2);
            if (parts.length != 2 || DataClass.ofSlug(parts[1]).isEmpty()) {
                throw new Refused(400, "dataClassColumn must be NAME:slug with a known data class, not " + column + ".");
            }
            dataClasses.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        return new ColumnMapping(identifiers, dataClasses);
    }
}
