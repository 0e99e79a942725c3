package io.leakwatch.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the layout ({@code templates/main.html}) needs to know about the request a page answers:
 * its language, the site navigation with the current section marked, and the language switch,
 * whose links lead back to the same page. The admin area has its own navigation (the admin pages
 * show it), its styles and script, and no site navigation.
 */
public record PageFrame(Language language, List<NavigationLink> navigation, List<LanguageLink> languages, boolean adminArea) {

    public record NavigationLink(String href, String label, boolean current) {
    }

    /** A language the page can be read in; {@code href} switches to it and returns here. */
    public record LanguageLink(String autonym, String htmlTag, String href, boolean current) {
    }

    public String htmlLang() {
        return language.htmlTag();
    }

    static PageFrame forPath(Language language, String path) {
        List<LanguageLink> languages = Arrays.stream(Language.values())
                .map(other -> new LanguageLink(other.autonym(), other.htmlTag(),
                        "/language/" + other.code() + "?back=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                        other == language))
                .toList();
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return new PageFrame(language, List.of(), languages, true);
        }
        return new PageFrame(language, navigation(language, Section.of(path)), languages, false);
    }

    private static List<NavigationLink> navigation(Language language, Optional<Section> current) {
        SiteMessages messages = language.messages(SiteMessages.class);
        return Arrays.stream(Section.values())
                .map(section -> new NavigationLink(section.path(), messages.navigation(section),
                        current.filter(section::equals).isPresent()))
                .toList();
    }
}
