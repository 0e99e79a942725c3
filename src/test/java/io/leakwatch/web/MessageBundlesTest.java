package io.leakwatch.web;

import io.leakwatch.admin.AdminMessages;
import io.leakwatch.breach.BreachMessages;
import io.leakwatch.check.CheckMessages;
import io.leakwatch.explain.ExposureMessages;
import io.leakwatch.ingest.IngestMessages;
import io.leakwatch.notify.NotifyMessages;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message of every bundle exists in English and in Chinese, and nowhere else: no page can
 * show a key, fall back to the other language, or carry a message no page uses. A Chinese message
 * must contain Chinese (characters, or Chinese punctuation around its parameters), so an English text
 * pasted in by mistake fails too.
 */
class MessageBundlesTest {

    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    private static final Set<Class<?>> BUNDLES = Set.of(SiteMessages.class, CheckMessages.class, BreachMessages.class,
            ExposureMessages.class, NotifyMessages.class, AdminMessages.class, IngestMessages.class);

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void everyKeyOfEveryBundleIsTranslatedAndNoOtherKeyExists(String language) throws IOException {
        for (Class<?> bundle : BUNDLES) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties messages = load("/messages/" + name + "_" + language + ".properties");
            Set<String> expected = keysOf(bundle);

            assertEquals(expected, new TreeSet<>(messages.stringPropertyNames()), name + "_" + language);
            for (String key : expected) {
                String text = messages.getProperty(key);
                assertFalse(text.isBlank(), name + "_" + language + ": " + key + " is empty");
                if (language.equals("zh")) {
                    assertTrue(HAN.matcher(text).find(),
                            name + "_zh: " + key + " is not in Chinese: " + text);
                }
            }
        }
    }

    /**
     * Chinese text puts Chinese punctuation between Chinese words (，：；！？（）), not ASCII ", " or ":":
     * every Chinese bundle and every Chinese mail template. The pages, generated content included, are
     * scanned in the browser by ReadableEverywhereInBrowserTest.
     */
    @org.junit.jupiter.api.Test
    void chineseTextUsesChinesePunctuationBetweenChineseWords() throws IOException {
        Pattern ascii = Pattern.compile(ReadableEverywhereInBrowserTest.ASCII_BETWEEN_CHINESE, Pattern.UNICODE_CHARACTER_CLASS);
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        try (var bundles = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/messages"));
             var mails = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/templates/NotificationMails/zh"))) {
            bundles.filter(file -> file.toString().endsWith("_zh.properties")).forEach(files::add);
            mails.forEach(files::add);
        }
        assertTrue(files.size() > BUNDLES.size(), "bundles and mail templates found: " + files);
        for (java.nio.file.Path file : files) {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (ascii.matcher(lines.get(i)).find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertEquals(java.util.List.of(), found);
    }

    /**
     * The keys Qute expects: a method's name, or for a method taking an enum, one key per constant
     * ({@code method_CONSTANT}, or {@code method_$CONSTANT} when a constant holds an underscore).
     */
    private static Set<String> keysOf(Class<?> bundle) {
        Set<String> keys = new TreeSet<>();
        for (Method method : bundle.getDeclaredMethods()) {
            if (!method.isAnnotationPresent(Message.class)) {
                continue;
            }
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 1 && parameters[0].isEnum()) {
                Object[] constants = parameters[0].getEnumConstants();
                boolean underscored = Arrays.stream(constants).anyMatch(c -> c.toString().contains("_"));
                for (Object constant : constants) {
                    keys.add(method.getName() + (underscored ? "_$" : "_") + constant);
                }
            } else {
                keys.add(method.getName());
            }
        }
        return keys;
    }

    private static Properties load(String path) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
