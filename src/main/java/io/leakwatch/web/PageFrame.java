package io.leakwatch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the layout ({@code templates/main.html}) needs to know about the request a page answers:
 * its language, the site navigation with the current section marked, and the language switch,
 * whose links lead back to the same page.
 */
public record PageFrame(Language language, List<NavigationLink> navigation, List<LanguageLink> languages) {

    public record NavigationLink(String href, String label, boolean current) {
    }

    /** A language the page can be read in; {@code href} switches to it and returns here. */
    public record LanguageLink(String autonym, String htmlTag, String href, boolean current) {
    }

    public String htmlLang() {
        return language.htmlTag();
    }

    /** The admin area is written for operators, in English only: no language switch there. */
    static PageFrame forPath(Language language, String path) {
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return new PageFrame(Language.ENGLISH, navigation(Language.ENGLISH, Optional.empty()), List.of());
        }
        List<LanguageLink> languages = Arrays.stream(Language.values())
                .map(other -> new LanguageLink(other.autonym(), other.htmlTag(),
                        "/language/" + other.code() + "?back=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                        other == language))
                .toList();
        return new PageFrame(language, navigation(language, Section.of(path)), languages);
    }

    private static List<NavigationLink> navigation(Language language, Optional<Section> current) {
        SiteMessages messages = language.messages(SiteMessages.class);
        return Arrays.stream(Section.values())
                .map(section -> new NavigationLink(section.path(), messages.navigation(section),
                        current.filter(section::equals).isPresent()))
                .toList();
    }
}
