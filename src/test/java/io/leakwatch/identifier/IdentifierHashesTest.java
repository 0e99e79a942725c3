package io.leakwatch.identifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentifierHashesTest {

    /** The test suite of RFC 1320, appendix A.5, plus a message spanning two blocks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|31d6cfe0d16ae931b73c59d7e0c089c0",
            "a|bde52cb31de33e46245e05fbdbd6fb24",
            "abc|a448017aaf21d8525fc10ae87aa6729d",
            "message digest|d9130a8164549fe818874806e1c7014b",
            "abcdefghijklmnopqrstuvwxyz|d79e1c308aa5bbcdeea8ed63df412da9",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|043f8582f241db351ce627e153e7f0e4",
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890|e33b4ddc9c38f2199c3e7b164fcc0536",
    })
    void md4MatchesTheRfc(String message, String expectedHex) {
        assertEquals(expectedHex, HexFormat.of().formatHex(Md4.digest(message.getBytes(StandardCharsets.US_ASCII))));
    }

    @ParameterizedTest
    @CsvSource({
            "password,8846F7EAEE8FB117AD06BDD830B7586C",
            "'',31D6CFE0D16AE931B73C59D7E0C089C0",
            "密码,F900556F89880C4084E3C644C6C20B9C",
    })
    void ntlmIsMd4OfUtf16LittleEndian(String password, String expected) {
        assertEquals(expected, IdentifierHashes.ntlmHex(password));
    }

    /** Passwords outside the Basic Multilingual Plane, and broken ones, hash as the JDK's encoder writes them. */
    @ParameterizedTest
    @ValueSource(strings = {"pässwörd", "密码😀", "😀", "lone\uD800high", "lone\uDC00low", "\uDBFF"})
    void ntlmEncodesEveryStringAsTheUtf16Encoder(String password) {
        assertEquals(HexFormat.of().withUpperCase().formatHex(Md4.digest(password.getBytes(StandardCharsets.UTF_16LE))),
                IdentifierHashes.ntlmHex(password));
    }
}
