package io.leakwatch.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "zh-CN,zh;q=0.9,en;q=0.8 | CHINESE",
            "zh-TW                    | CHINESE",
            "zh-Hans-CN               | CHINESE",
            "en-US,en;q=0.9           | ENGLISH",
            "fr-FR,zh;q=0.5           | CHINESE",
            "fr-FR,de;q=0.5           | ENGLISH",
            "en;q=0.3,zh;q=0.8        | CHINESE",
            "zh;q=0,en                | ENGLISH",
            "*                        | ENGLISH",
            "null                     | ENGLISH",
            "'  '                     | ENGLISH",
            "zh-;;;q=x                | ENGLISH"})
    void acceptLanguagePicksTheFirstLanguageWeHaveByWeight(String header, Language expected) {
        assertEquals(expected, Language.preferredBy(header));
    }

    @ParameterizedTest(name = "cookie {0}, header {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "zh   | en-US | CHINESE",
            "en   | zh-CN | ENGLISH",
            "xx   | zh-CN | CHINESE",
            "null | zh-CN | CHINESE",
            "null | null  | ENGLISH"})
    void aLanguageChosenWithTheSwitchWinsOverTheBrowsers(String cookie, String header, Language expected) {
        assertEquals(expected, LanguageChoice.of(cookie, header));
    }
}
