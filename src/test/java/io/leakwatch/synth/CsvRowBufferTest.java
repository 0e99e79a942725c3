package io.leakwatch.synth;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvRowBufferTest {

    @Test
    void awkwardTextSurvivesAWriteAndAnIndependentRead() {
        List<String> awkward = List.of("plain", "with,comma", "with \"quotes\"", "\"", "line\r\nbreak", "lf\nonly",
                "  leading and trailing spaces  ", "密码，中文", "🔑", "");
        CsvRowBuffer buffer = new CsvRowBuffer(16);
        awkward.forEach(buffer::textField);
        buffer.endRow();
        buffer.field().appendNumber(7, 3).field().appendHundredths(-305).field().appendDate(LocalDate.of(1990, 2, 3));
        buffer.endRow();

        String csv = "a,b,c,d,e,f,g,h,i,j\r\n" + new String(buffer.bytes(), 0, buffer.size(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = Samples.parse(csv);

        assertEquals(awkward, rows.get(0).toList());
        assertEquals(List.of("007", "-3.05", "1990-02-03"), rows.get(1).toList());
    }

    @Test
    void tableValuesThatWouldNeedQuotingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvRowBuffer.plainBytes("a,b"));
        assertThrows(IllegalArgumentException.class, () -> CsvRowBuffer.plainBytes("say \"hi\""));
    }
}
