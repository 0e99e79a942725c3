package io.leakwatch.admin.audit;

import io.leakwatch.admin.AdminPaths;
import io.leakwatch.admin.AdminRole;
import io.leakwatch.admin.session.SignedInAdmin;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in the admin pages: the latest events first, a page at a time, all of them or one
 * action's. {@code ?action=CODE} filters; {@code ?before=MICROS&beforeId=ID} pages back (the latest
 * repeat, in microseconds since the epoch as PostgreSQL keeps it, and the id of the last event shown).
 */
@Path(AdminPaths.PAGES + "/audit")
@RolesAllowed(AdminRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    static final int PAGE_SIZE = 100;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public AdminAuditResource(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(SignedInAdmin admin, AuditView view);
    }

    /** One choice of the action filter. */
    public record ActionChoice(AuditAction action, boolean selected) {
    }

    /** What the page shows; {@code olderLink} is empty on the last page, {@code paged} after the first. */
    public record AuditView(List<AuditLog.AuditEntry> events, List<ActionChoice> actions, boolean filtered, int pageSize,
                            Optional<String> olderLink, boolean paged) {
    }

    @GET
    public TemplateInstance audit(@RestQuery String action, @RestQuery Long before, @RestQuery Long beforeId) {
        Optional<AuditAction> filter = Optional.ofNullable(action).flatMap(AuditAction::ofCode);
        Optional<AuditLog.Position> position = position(before, beforeId);
        AuditLog.AuditPage page = audit.page(filter, position, PAGE_SIZE);
        List<ActionChoice> actions = Arrays.stream(AuditAction.values())
                .map(choice -> new ActionChoice(choice, filter.equals(Optional.of(choice))))
                .toList();
        Optional<String> olderLink = page.older().map(older -> AdminPaths.PAGES + "/audit?"
                + filter.map(wanted -> "action=" + encode(wanted.code()) + "&").orElse("")
                + "before=" + ChronoUnit.MICROS.between(Instant.EPOCH, older.lastOccurredAt()) + "&beforeId=" + older.id());
        return Templates.audit(SignedInAdmin.of(identity),
                new AuditView(page.events(), actions, filter.isPresent(), PAGE_SIZE, olderLink, position.isPresent()));
    }

    private static Optional<AuditLog.Position> position(Long beforeMicros, Long beforeId) {
        if (beforeMicros == null || beforeId == null) {
            return Optional.empty();
        }
        return Optional.of(new AuditLog.Position(Instant.EPOCH.plus(beforeMicros, ChronoUnit.MICROS), beforeId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
