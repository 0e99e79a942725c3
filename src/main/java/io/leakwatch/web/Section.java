package io.leakwatch.web;

import java.util.Arrays;
import java.util.Optional;

/** The parts of the public site, in the order the site navigation lists them. */
public enum Section {
    CHECK("/"),
    PASSWORD("/password"),
    ALERTS("/notify"),
    BREACHES("/breaches"),
    EXPOSURE("/exposure"),
    HOW_IT_WORKS("/how-it-works"),
    DEVELOPERS("/developers");

    private final String path;

    Section(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The section a request path belongs to: its own page or a page below it. */
    static Optional<Section> of(String requestPath) {
        return Arrays.stream(values())
                .filter(section -> section == CHECK
                        ? requestPath.equals("/")
                        : requestPath.equals(section.path) || requestPath.startsWith(section.path + "/"))
                .findFirst();
    }
}
