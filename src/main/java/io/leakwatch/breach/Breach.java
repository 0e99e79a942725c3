package io.leakwatch.breach;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A breach in the catalogue; its identifiers live in the hash index under its id. Its states are
 * changed only by {@link BreachRegistry}: a staged generation will publish its data ({@code pendingIn})
 * or take it out ({@code removalPendingIn}), and when that generation is published the breach is
 * published ({@code publishedIn}) or removed ({@code removedIn}).
 */
@Entity
@Table(name = "breach")
public class Breach extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String title;
    public String domain = "";
    @Column(name = "breach_date")
    public LocalDate breachDate;
    @Column(name = "added_at")
    public Instant addedAt = Instant.now();
    @Column(name = "modified_at")
    public Instant modifiedAt = Instant.now();
    @Column(name = "pwn_count")
    public long pwnCount;
    public String description = "";
    /** Slugs from the data-class vocabulary (DataClass). */
    @Column(name = "data_classes")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> dataClasses = new ArrayList<>();
    @Column(name = "is_verified")
    public boolean verified;
    @Column(name = "is_fabricated")
    public boolean fabricated;
    @Column(name = "is_sensitive")
    public boolean sensitive;
    @Column(name = "is_retired")
    public boolean retired;
    @Column(name = "is_spam_list")
    public boolean spamList;
    @Column(name = "is_malware")
    public boolean malware;
    @Column(name = "is_subscription_free")
    public boolean subscriptionFree;
    @Column(name = "is_stealer_log")
    public boolean stealerLog;
    @Column(name = "logo_path")
    public String logoPath = "";
    @Column(name = "published_in")
    public Integer publishedIn;
    @Column(name = "pending_in")
    public Integer pendingIn;
    @Column(name = "removed_in")
    public Integer removedIn;
    @Column(name = "removal_pending_in")
    public Integer removalPendingIn;

    /** Where a breach is in its life. */
    public enum Status {
        /** Created, its data not published (yet). */
        NOT_PUBLISHED,
        /** Published by a generation and not removed since: in the public catalogue. */
        PUBLIC,
        /** Taken out of the index by a generation. */
        REMOVED
    }

    public Status status() {
        return statusOnce(null);
    }

    /** In the public catalogue: published by a generation and not removed since. */
    public boolean isPublic() {
        return status() == Status.PUBLIC;
    }

    /**
     * Whether generation {@code generation} holds it publicly, once published: as {@link #isPublic()},
     * but counting what that generation is about to publish or remove, for files built before the
     * switch.
     */
    public boolean isPublicIn(int generation) {
        return statusOnce(generation) == Status.PUBLIC;
    }

    /** The status once {@code generation} is published (null: now). */
    private Status statusOnce(Integer generation) {
        if (removedIn != null || (generation != null && generation.equals(removalPendingIn))) {
            return Status.REMOVED;
        }
        boolean published = publishedIn != null || (generation != null && generation.equals(pendingIn));
        return published ? Status.PUBLIC : Status.NOT_PUBLISHED;
    }

    /** Whether an anonymous account search may name it: HIBP's rule for public range results. */
    public boolean isListedInAccountSearch() {
        return isPublic() && isNameable();
    }

    /** The same as generation {@code generation} will see it (see {@link #isPublicIn(int)}). */
    public boolean isListedInAccountSearchIn(int generation) {
        return isPublicIn(generation) && isNameable();
    }

    private boolean isNameable() {
        return !sensitive && !retired && !fabricated;
    }
}
