package io.leakwatch.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The file formats an admin can load, by the names the automation API and the pages use. */
public enum IngestFormat {
    /** CSV with a header; identifier columns are normalised and hashed, other columns name data classes. */
    ACCOUNTS_CSV("accounts-csv"),
    /** One identifier per line, of one declared type. */
    IDENTIFIERS("identifiers"),
    /** 40 hex characters per line: SHA-1 of passwords, or of normalised identifiers. */
    SHA1("sha1"),
    /** {@code HASH:COUNT} lines as Have I Been Pwned's downloader writes them. */
    SHA1_COUNT("sha1-count"),
    NTLM("ntlm"),
    NTLM_COUNT("ntlm-count"),
    /** Plaintext passwords, one per line, hashed to SHA-1 and NTLM on the server and counted. */
    PASSWORDS("passwords");

    private final String wireName;

    IngestFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<IngestFormat> ofWireName(String name) {
        return Arrays.stream(values()).filter(format -> format.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
