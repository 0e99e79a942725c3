package io.leakwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The validation report of an upload as it is staged: lines read and accepted, duplicates, rejections
 * by reason and the numbers (never the content) of the first rejected lines.
 */
final class StagingReport {

    private final int rejectedLinesKept;
    long linesRead;
    long linesAccepted;
    long bytesRead;
    long entries;
    long duplicates;
    final Map<String, Long> rejectedByReason = new TreeMap<>();
    final List<Long> firstRejectedLines = new ArrayList<>();

    StagingReport(int rejectedLinesKept) {
        this.rejectedLinesKept = rejectedLinesKept;
    }

    void reject(long lineNumber, String reason) {
        rejectedByReason.merge(reason, 1L, Long::sum);
        if (firstRejectedLines.size() < rejectedLinesKept) {
            firstRejectedLines.add(lineNumber);
        }
    }

    long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The commonest reason lines were rejected, for the message when none was accepted. */
    String commonestReason() {
        return rejectedByReason.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("the file has no data lines");
    }
}
