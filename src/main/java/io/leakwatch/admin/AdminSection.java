package io.leakwatch.admin;

import io.quarkus.qute.TemplateEnum;

import java.util.Arrays;
import java.util.Optional;

/** The parts of the admin area, in the order its navigation lists them. */
@TemplateEnum
public enum AdminSection {
    OVERVIEW("/admin"),
    BREACHES("/admin/breaches", "/admin/uploads"),
    ACCOUNTS("/admin/accounts"),
    TOKENS("/admin/tokens"),
    AUDIT("/admin/audit"),
    NOTIFICATIONS("/admin/notifications"),
    PASSWORD("/admin/password");

    private final String path;
    private final String[] alsoBelow;

    AdminSection(String path, String... alsoBelow) {
        this.path = path;
        this.alsoBelow = alsoBelow;
    }

    public String path() {
        return path;
    }

    /** The section a request path belongs to: its own page or a page below it (an upload is a breach's). */
    static Optional<AdminSection> of(String requestPath) {
        return Arrays.stream(values())
                .filter(section -> section == OVERVIEW
                        ? requestPath.equals(section.path)
                        : isAt(requestPath, section.path) || Arrays.stream(section.alsoBelow).anyMatch(below -> isAt(requestPath, below)))
                .findFirst();
    }

    private static boolean isAt(String requestPath, String sectionPath) {
        return requestPath.equals(sectionPath) || requestPath.startsWith(sectionPath + "/");
    }
}
