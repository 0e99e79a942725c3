package io.leakwatch.explain;

import io.leakwatch.web.Language;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** How a breach alert mail explains exposed data, in the subscriber's language (MessageBundlesTest checks every text exists). */
@QuarkusTest
class ExposureBriefTest {

    @Test
    void aDataClassIsNamedAsThePortalNamesItAndExplainedInBrief() {
        ExposureBrief english = ExposureBrief.of("email-addresses", Language.ENGLISH);
        assertEquals("Email addresses", english.name());
        assertEquals("Be wary of mails that mention this service or ask you to sign in, pay or open an attachment."
                + " Do not follow links in unexpected mails: go to the site yourself.", english.advice());
        assertEquals("电子邮箱地址", ExposureBrief.of("email-addresses", Language.CHINESE).name());
    }

    @Test
    void aDataClassFromANewerVersionIsNamedAsStoredAndStillGetsGeneralAdvice() {
        List<ExposureBrief> briefs = ExposureBrief.allOf(List.of("passwords", "new-kind"), Language.ENGLISH);

        assertEquals(List.of("Passwords", "new-kind"), briefs.stream().map(ExposureBrief::name).toList(), "in the order stored");
        assertEquals("Other data about you is in the leak.", briefs.get(1).meaning());
        assertFalse(briefs.get(1).advice().isEmpty());
    }
}
