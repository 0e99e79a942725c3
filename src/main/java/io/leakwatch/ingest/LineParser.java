package io.leakwatch.ingest;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.index.AccountTypes;
import io.leakwatch.index.HashKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one line of an upload into index entries, or says in a few words why it was rejected. The
 * reasons are counted in the validation report; the line's content is never kept or logged.
 */
abstract class LineParser {

    static final String MALFORMED_HASH = "malformed hash";
    static final String BAD_COUNT = "count is not a whole number from 1 to 2^63-1";
    static final String NOT_UTF8 = "not valid UTF-8";
    static final String MALFORMED_CSV = "malformed CSV row";
    static final String NO_VALID_IDENTIFIER = "no valid identifier in the row";

    /** Parses one non-blank line; returns null when it was accepted, else the reason it was rejected. */
    abstract String parse(byte[] line, int length, EntrySink sink) throws IOException;

    /** Whether the first line is a header rather than data. */
    boolean readsHeader() {
        return false;
    }

    /** Reads the header line; returns null, or why the file cannot be loaded with it. */
    String header(byte[] line, int length) {
        return null;
    }

    static LineParser of(IngestFormat format, UploadOptions options, long breachId, IdentifierNormaliser normaliser) {
        return switch (format) {
            case SHA1, SHA1_COUNT, NTLM, NTLM_COUNT -> new HashList(format, options, breachId);
            case PASSWORDS -> new Passwords();
            case IDENTIFIERS -> new Identifiers(options.identifierType(), breachId, normaliser);
            case ACCOUNTS_CSV -> new AccountsCsv(options.columns(), breachId, normaliser);
        };
    }

    /**
     * HASH or HASH:COUNT lines, 40 (SHA-1) or 32 (NTLM) hex characters in either case. Account hashes
     * are of one declared type (email unless told otherwise: Have I Been Pwned's are).
     */
    static final class HashList extends LineParser {
        private final HashKind kind;
        private final boolean withCount;
        private final boolean accounts;
        private final long accountValue;
        private final int hexLength;

        HashList(IngestFormat format, UploadOptions options, long breachId) {
            boolean ntlm = format == IngestFormat.NTLM || format == IngestFormat.NTLM_COUNT;
            this.accounts = options.target() == IngestTarget.ACCOUNTS;
            this.kind = accounts ? HashKind.ACCOUNT : ntlm ? HashKind.PASSWORD_NTLM : HashKind.PASSWORD_SHA1;
            this.withCount = format == IngestFormat.SHA1_COUNT || format == IngestFormat.NTLM_COUNT;
            // An upload queued before types were recorded has none: its hashes are of no known type.
            int types = options.identifierType() == null ? AccountTypes.NOT_RECORDED : AccountTypes.of(options.identifierType());
            this.accountValue = accounts ? AccountTypes.staged(breachId, types) : 0;
            this.hexLength = kind.hashBytes() * 2;
        }

        @Override
        String parse(byte[] line, int length, EntrySink sink) throws IOException {
            byte[] hash = new byte[kind.hashBytes()];
            if (length < hexLength || !Hex.decode(line, 0, hexLength, hash)) {
                return MALFORMED_HASH;
            }
            long count = 1;
            if (withCount) {
                if (length < hexLength + 2 || line[hexLength] != ':') {
                    return length == hexLength ? BAD_COUNT : MALFORMED_HASH;
                }
                count = Decimal.parsePositiveLong(line, hexLength + 1, length);
                if (count <= 0) {
                    return BAD_COUNT;
                }
            } else if (length != hexLength) {
                return MALFORMED_HASH;
            }
            sink.add(kind, hash, accounts ? accountValue : count);
            return null;
        }
    }

    /** Plaintext passwords: every byte counts, nothing is trimmed. */
    static final class Passwords extends LineParser {
        @Override
        String parse(byte[] line, int length, EntrySink sink) throws IOException {
            String password = Utf8.decode(line, 0, length);
            if (password == null) {
                return NOT_UTF8;
            }
            sink.add(HashKind.PASSWORD_SHA1, IdentifierHashes.sha1(password), 1);
            sink.add(HashKind.PASSWORD_NTLM, IdentifierHashes.ntlm(password), 1);
            return null;
        }
    }

    /** One identifier per line, normalised as the declared type. */
    static final class Identifiers extends LineParser {
        private final IdentifierType type;
        private final long accountValue;
        private final IdentifierNormaliser normaliser;

        Identifiers(IdentifierType type, long breachId, IdentifierNormaliser normaliser) {
            this.type = type;
            this.accountValue = AccountTypes.staged(breachId, AccountTypes.of(type));
            this.normaliser = normaliser;
        }

        @Override
        String parse(byte[] line, int length, EntrySink sink) throws IOException {
            String identifier = Utf8.decode(line, 0, length);
            if (identifier == null) {
                return NOT_UTF8;
            }
            if (!(normaliser.normalise(type, identifier) instanceof NormalisationResult.Accepted accepted)) {
                return "invalid " + type.slug();
            }
            sink.add(HashKind.ACCOUNT, IdentifierHashes.sha1(accepted.normalised()), accountValue);
            return null;
        }
    }

    /**
     * CSV rows with a header (see {@link Csv}). A row is accepted when at least one of its identifiers
     * is valid; passwords in a password column feed the password index.
     */
    static final class AccountsCsv extends LineParser {
        private final long breachId;
        private final IdentifierNormaliser normaliser;
        private ColumnMapping columns;
        private IdentifierType[] typeOfColumn;

        AccountsCsv(ColumnMapping columns, long breachId, IdentifierNormaliser normaliser) {
            this.columns = columns;
            this.breachId = breachId;
            this.normaliser = normaliser;
        }

        ColumnMapping columns() {
            return columns;
        }

        @Override
        boolean readsHeader() {
            return true;
        }

        @Override
        String header(byte[] line, int length) {
            List<String> header = Csv.fields(line, length);
            if (header == null) {
                return "The first line is not a CSV header.";
            }
            if (columns == null || columns.isEmpty()) {
                columns = ColumnMapping.detect(header);
            }
            typeOfColumn = new IdentifierType[header.size()];
            for (Map.Entry<String, IdentifierType> mapped : columns.identifiers().entrySet()) {
                int index = header.indexOf(mapped.getKey());
                if (index < 0) {
                    return "The header has no column named " + mapped.getKey() + ".";
                }
                typeOfColumn[index] = mapped.getValue();
            }
            if (columns.identifiers().isEmpty()) {
                return "No column holds an email, phone, national ID, username or password: map the columns.";
            }
            return null;
        }

        /** Only the identifier and password columns are decoded: the rest of a row is never read. */
        @Override
        String parse(byte[] line, int length, EntrySink sink) throws IOException {
            int[] starts = new int[typeOfColumn.length];
            int[] ends = new int[typeOfColumn.length];
            if (Csv.split(line, length, starts, ends) != typeOfColumn.length) {
                return MALFORMED_CSV;
            }
            List<byte[]> accounts = new ArrayList<>(typeOfColumn.length);
            List<IdentifierType> accountTypes = new ArrayList<>(typeOfColumn.length);
            String password = null;
            for (int i = 0; i < typeOfColumn.length; i++) {
                IdentifierType type = typeOfColumn[i];
                if (type == null || starts[i] == ends[i]) {
                    continue;
                }
                String field = Csv.text(line, starts[i], ends[i]);
                if (field == null) {
                    return NOT_UTF8;
                }
                if (field.isEmpty()) {
                    continue;
                }
                if (type == IdentifierType.PASSWORD) {
                    password = field;
                } else if (normaliser.normalise(type, field) instanceof NormalisationResult.Accepted accepted) {
                    accounts.add(IdentifierHashes.sha1(accepted.normalised()));
                    accountTypes.add(type);
                }
            }
            if (accounts.isEmpty() && password == null) {
                return NO_VALID_IDENTIFIER;
            }
            for (int i = 0; i < accounts.size(); i++) {
                sink.add(HashKind.ACCOUNT, accounts.get(i), AccountTypes.staged(breachId, AccountTypes.of(accountTypes.get(i))));
            }
            if (password != null) {
                sink.add(HashKind.PASSWORD_SHA1, IdentifierHashes.sha1(password), 1);
                sink.add(HashKind.PASSWORD_NTLM, IdentifierHashes.ntlm(password), 1);
            }
            return null;
        }
    }
}
