package io.leakwatch.admin;

import io.leakwatch.admin.session.SignedInAdmin;
import io.leakwatch.web.Language;
import io.leakwatch.web.PageTemplates;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The admin area's navigation ({@code tags/adminNav.html}): every section, the current one marked, in the page's language. */
public final class AdminNavigation {

    private AdminNavigation() {
    }

    public record Link(String href, String label, boolean current) {
    }

    /** {@code {admin.navigation}}: the sections for the page being rendered. */
    @TemplateExtension
    static List<Link> navigation(SignedInAdmin admin, @TemplateAttribute(TemplateInstance.LOCALE) Object locale,
                                 @TemplateAttribute(PageTemplates.PATH_ATTRIBUTE) Object path) {
        AdminMessages messages = Language.ofLocale(locale).messages(AdminMessages.class);
        Optional<AdminSection> current = AdminSection.of(path instanceof String requestPath ? requestPath : "");
        return Arrays.stream(AdminSection.values())
                .map(section -> new Link(section.path(), messages.navigation(section), current.equals(Optional.of(section))))
                .toList();
    }
}
