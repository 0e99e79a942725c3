package io.leakwatch.notify;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subjects that carry an admin's breach title: no header injection, no reordered text, and any script read back intact. */
class MailSubjectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a line break starts no header   | Police\\r\\nBcc: everyone@example.org | PoliceBcc: everyone@example.org
            a bare line feed                | Police\\nX-Evil: 1                    | PoliceX-Evil: 1
            a tab and a NUL                 | Po\\tli\\u0000ce                      | Police
            a bidi override                 | Police \\u202Egpj.exe                 | Police gpj.exe
            the line separator              | Police\\u2028Database                 | PoliceDatabase
            """)
    void controlCharactersAreRemoved(String name, String title, String expected) throws Exception {
        String subject = MailSubject.of(unescape(title));

        assertFalse(subject.contains("\r") || subject.contains("\n"), subject);
        assertEquals(expected, MimeUtility.decodeText(subject));
    }

    @Test
    void plainAsciiStaysAsItIs() {
        assertEquals("Your data is in a new breach: PoliceDb", MailSubject.of("Your data is in a new breach: PoliceDb"));
    }

    @Test
    void anyOtherTextIsSentAsEncodedWordsThatReadBackTheSame() throws Exception {
        String title = "您的信息出现在新的数据泄露中：某市公安局户籍及出入境记录数据库（2024 年，含身份证号码与住址）🔒";

        String subject = MailSubject.of(title);

        assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "ASCII only: " + subject);
        for (String word : subject.split(" ")) {
            assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?=") && word.length() <= 75, word);
        }
        assertEquals(title, MimeUtility.decodeText(subject));
        assertEquals("=?x?= looks encoded", MimeUtility.decodeText(MailSubject.of("=?x?= looks encoded")),
                "text that looks encoded is encoded, so readers show it as typed");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'r' -> out.append('\r');
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
