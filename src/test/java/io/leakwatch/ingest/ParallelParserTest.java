package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParallelParserTest {

    @Test
    void linesParsedOnSeveralThreadsAreCountedAndHandedOnInTheirOrder() throws Exception {
        Random random = new Random(3);
        List<String> expectedHashes = new ArrayList<>();
        StagingReport report = new StagingReport(10);
        List<String> handedOn = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            ParallelParser parsing = new ParallelParser(new LineParser.HashList(IngestFormat.SHA1, new UploadOptions(IngestTarget.PASSWORDS, null, null), 1),
                    pool, 3, report, (kind, hashes, offset, value) -> {
                        assertEquals(HashKind.PASSWORD_SHA1, kind);
                        handedOn.add(HexFormat.of().withUpperCase().formatHex(hashes, offset, offset + 20));
                    });
            for (long lineNumber = 1; lineNumber <= 20_000; lineNumber++) {
                if (lineNumber == 9_000) {
                    parsing.reject(lineNumber, "too long"); // as the reader rejects a line
                    continue;
                }
                byte[] hash = new byte[20];
                random.nextBytes(hash);
                String hex = HexFormat.of().withUpperCase().formatHex(hash);
                boolean malformed = lineNumber == 3 || lineNumber == 4_097 || lineNumber == 15_000;
                byte[] line = (malformed ? hex.substring(1) : hex).getBytes(StandardCharsets.US_ASCII);
                if (!malformed) {
                    expectedHashes.add(hex);
                }
                parsing.add(line, line.length, lineNumber);
            }
            parsing.finish();
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(3L, 4_097L, 9_000L, 15_000L), report.firstRejectedLines, "rejections in line order");
        assertEquals(20_000 - 4, report.linesAccepted);
        assertEquals(java.util.Map.of(LineParser.MALFORMED_HASH, 3L, "too long", 1L), report.rejectedByReason);
        assertEquals(expectedHashes, handedOn, "hashes in line order");
    }
}
