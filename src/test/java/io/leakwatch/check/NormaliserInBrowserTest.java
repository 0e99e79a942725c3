package io.leakwatch.check;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leakwatch.identifier.IdentifierNormaliser;
import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.NationalIdNumbers;
import io.leakwatch.identifier.NormalisationResult;
import io.leakwatch.identifier.NormalisationResult.Accepted;
import io.leakwatch.identifier.NormalisationResult.Rejected;
import io.leakwatch.identifier.NormalisationVectors;
import io.leakwatch.identifier.NormalisationVectors.Vector;
import io.leakwatch.testing.BrowserPages;
import io.leakwatch.testing.InChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's normaliser ({@code js/normalise.js}) against the shared test vectors, and against the
 * Java normaliser on thousands of generated inputs: both sides must turn an identifier into the
 * same bytes, or a person in a leak would be told they are not.
 */
@QuarkusTest
class NormaliserInBrowserTest extends InChromium {

    /** Normalises and hashes each [type, input] pair in the page, as the check does. */
    private static final String NORMALISE_ALL = """
            async (cases) => {
              const { normalise, sha1Hex, isValidInDefaultRegion } = await import('/js/normalise.js');
              const rules = await (await fetch('/check/phone-rules.json')).json();
              const results = [];
              for (const [type, input] of cases) {
                const outcome = normalise(type, input, rules);
                results.push(outcome.problem
                    ? { problem: outcome.problem }
                    : { normalised: outcome.normalised, sha1: await sha1Hex(outcome.normalised),
                        valid: type === 'phone' ? isValidInDefaultRegion(outcome.normalised, rules) : null });
              }
              return results;
            }""";


    @TestHTTPResource("/")
    URL portal;

    private BrowserPages tab;
    private final IdentifierNormaliser javaNormaliser = new IdentifierNormaliser();

    @BeforeEach
    void openPortal() {
        tab = BrowserPages.open(chromium.browser(), portal.toString(), "en");
        tab.page().navigate("/");
    }

    @AfterEach
    void closeTab() {
        tab.close();
    }

    @Test
    void everySharedVectorNormalisesAndHashesInTheBrowserAsTheFileSays() {
        List<Vector> vectors = NormalisationVectors.all();
        List<Map<String, String>> results = normaliseInBrowser(vectors.stream()
                .map(vector -> List.of(vector.type().slug(), vector.input())).toList());

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Vector vector = vectors.get(i);
            Map<String, String> result = results.get(i);
            String expected = vector.accepted() ? vector.normalised() + " " + vector.sha1() : "rejected";
            String actual = result.containsKey("problem") ? "rejected" : result.get("normalised") + " " + result.get("sha1");
            if (!expected.equals(actual)) {
                failures.add(vector.type().slug() + " [" + vector.input() + "] (" + vector.note() + "): expected "
                        + expected + ", browser gave " + actual);
            }
        }
        assertEquals(List.of(), failures);
        System.out.println("figure: normalisation vectors checked in the browser: " + vectors.size());
    }

    /**
     * What the browser and Java make of each input: the same normalised form, or the same problem; and,
     * for a phone number of the default region, the same judgement of whether any phone there has such a
     * number (libphonenumber's isValidNumberForRegion), by which the check page questions a possible one.
     */
    @Test
    void theBrowserAndJavaAgreeOnGeneratedInputs() {
        Random random = new Random(7);
        List<List<String>> cases = new ArrayList<>();
        phoneNumbers(random).forEach(input -> cases.add(List.of("phone", input)));
        nationalIds(random).forEach(input -> cases.add(List.of("national-id", input)));
        emails().forEach(input -> cases.add(List.of("email", input)));
        usernames(random).forEach(input -> cases.add(List.of("username", input)));

        List<Map<String, String>> results = normaliseInBrowser(cases);

        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < cases.size(); i++) {
            IdentifierType type = IdentifierType.fromSlug(cases.get(i).get(0)).orElseThrow();
            String input = cases.get(i).get(1);
            NormalisationResult java = javaNormaliser.normalise(type, input);
            String expected = java instanceof Accepted ok ? ok.normalised() + validity(type, ok.normalised())
                    : ((Rejected) java).problem().slug();
            Map<String, ?> browser = results.get(i);
            String actual = browser.containsKey("problem") ? String.valueOf(browser.get("problem"))
                    : browser.get("normalised") + (type == IdentifierType.PHONE && browser.get("valid") != null
                    ? (Boolean.TRUE.equals(browser.get("valid")) ? " valid" : " not valid") : "");
            if (!expected.equals(actual)) {
                disagreements.add(type.slug() + " [" + input + "]: Java " + expected + ", browser " + actual);
            }
            if (java instanceof Accepted) {
                accepted++;
            }
        }
        assertEquals(List.of(), disagreements.stream().limit(30).toList(), disagreements.size() + " disagreements");
        assertTrue(accepted > cases.size() / 3, "the inputs include many valid ones: " + accepted + " of " + cases.size());
        System.out.println("figure: generated inputs on which the browser and Java agree: " + cases.size()
                + " (" + accepted + " accepted)");
    }

    /** For a phone number of the default region, whether Java finds it valid there; nothing for others. */
    private static String validity(IdentifierType type, String e164) {
        if (type != IdentifierType.PHONE || !e164.startsWith("+86")) {
            return "";
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            return util.isValidNumberForRegion(util.parse(e164, "ZZ"), IdentifierNormaliser.DEFAULT_PHONE_REGION)
                    ? " valid" : " not valid";
        } catch (NumberParseException e) {
            throw new AssertionError(e164, e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> normaliseInBrowser(List<List<String>> cases) {
        return (List<Map<String, String>>) tab.page().evaluate(NORMALISE_ALL, cases);
    }

    /**
     * Every region's example numbers of several types, written the ways people write them, plus
     * near misses (a digit short, a digit too many) and numbers written without their country code.
     */
    private static Set<String> phoneNumbers(Random random) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        Set<String> inputs = new LinkedHashSet<>();
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : List.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.TOLL_FREE)) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String nsn = util.getNationalSignificantNumber(example);
                String code = Integer.toString(example.getCountryCode());
                inputs.add(util.format(example, PhoneNumberFormat.E164));
                inputs.add(util.format(example, PhoneNumberFormat.INTERNATIONAL));
                inputs.add(util.format(example, PhoneNumberFormat.NATIONAL));
                inputs.add("00" + code + " " + nsn);
                inputs.add(code + nsn);
                inputs.add(nsn);
                inputs.add("+" + code + nsn.substring(0, nsn.length() - 1));
                inputs.add("+" + code + nsn + random.nextInt(10));
                inputs.add("+" + code + " (0)" + nsn);
                inputs.add(fullWidth("+" + code + " " + nsn));
                inputs.add("(00" + code + ") " + nsn.substring(0, nsn.length() / 2) + "\u2014" + nsn.substring(nsn.length() / 2));
            }
        }
        for (int i = 0; i < 300; i++) {
            inputs.add("1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
            inputs.add(String.format("0%d-%08d", 10 + random.nextInt(890), random.nextInt(100_000_000)));
            inputs.add("+" + (1 + random.nextInt(999)) + " " + String.format("%08d", random.nextInt(100_000_000)));
            inputs.add(Integer.toString(random.nextInt(100_000)));
        }
        inputs.addAll(List.of("138 0013 800", "138001380000", "(0086) 187-5006-9016", "2302071971060456", "+0086 138 0013 8000", "0", "+1", "+12", "00", "000086 138 0013 8000", "+86", "86",
                "+8601065529988", "860 10 6552 9988", "+800 1234 5678", "+882 1234 5678"));
        return inputs;
    }

    /** Valid 18- and 15-digit numbers, with typing mistakes: wrong check, impossible and future dates. */
    private static Set<String> nationalIds(Random random) {
        Set<String> inputs = new LinkedHashSet<>();
        for (int i = 0; i < 400; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(36_000));
            String first17 = String.format("%06d", 110_000 + random.nextInt(550_000))
                    + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            char check = NationalIdNumbers.checkCharacter(first17);
            inputs.add(first17 + check);
            inputs.add(first17 + (check == 'X' ? "x" : Character.toString(check)));
            inputs.add(first17 + (char) ('0' + (check == 'X' ? 0 : (check - '0' + 1) % 10)));
            inputs.add(" " + first17 + check + "\u3000");
            inputs.add(first17.substring(0, 6) + " " + first17.substring(6, 14) + "-" + first17.substring(14) + check);
            inputs.add(fullWidth(first17 + check));
            inputs.add(first17.substring(0, 6) + "/" + first17.substring(6) + check);
            inputs.add(first17.substring(0, 6) + first17.substring(8, 17));
            inputs.add(first17.substring(0, 10) + String.format("%02d%02d", 1 + random.nextInt(14), random.nextInt(33))
                    + first17.substring(14) + check);
        }
        inputs.addAll(List.of("110105209901011231", "11010519491231002", "1101051949X231002X", "11010519000229002X"));
        return inputs;
    }

    /** As a Chinese input method in full-width mode types it. */
    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : (char) (c - 0x21 + 0xFF01)));
        return wide.toString();
    }

    private static List<String> emails() {
        return List.of("ΟΔΟΣ@example.com", "ΣΑΣ.ΣΑΣ@example.com", "Someone@Example.COM", " name@例子.测试 ", "王伟@公司。中国", "user@ＥＸＡＭＰＬＥ．ＣＯＭ",
                "müller@Bücher.de", "ivan@пример.рф", "taro@例え.テスト", "a@b.c", "a@b..c", "a@.b.c", "@b.c", "a@b",
                "a@b.c.", "a@xn--fsqu00a.xn--0zwm56d", "a@xn--fsqu00a.测试", "a@b@c.d", "x@" + "a".repeat(63) + ".com",
                "x@" + "a".repeat(64) + ".com", "Ｕｓｅｒ@example.com", "İstanbul@example.com", "a b@example.com",
                "name@exa mple.com", "name@café.example", "\"q,q\"@example.net", "name@例子.测试。");
    }

    /** Usernames in many scripts, compatibility characters and around the 64-character limit. */
    private static List<String> usernames(Random random) {
        List<String> inputs = new ArrayList<>(List.of("  ZhangWei ", "ＺｈａｎｇＷｅｉ", "ﬁle", "Ⅻ", "ΟΔΟΣ", "Straße",
                "İstanbul", "ǅemal", "𝐁𝐨𝐥𝐝", "㍿", "ｶﾀｶﾅ", "김민준", "😀".repeat(64), "😀".repeat(65), "a".repeat(64),
                "a".repeat(65), "\u3000", "x"));
        String alphabet = "aAzZ09_-.,' 用户名かカ한ＡＢ１２ﬁΣσςÉéΟΔ\u0301";
        for (int i = 0; i < 1000; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(20);
            for (int j = 0; j < length; j++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(name.toString());
        }
        return inputs;
    }
}
