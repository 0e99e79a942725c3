package io.leakwatch.admin.token;

import io.leakwatch.admin.account.AdminAccount;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** An API token for automation; only its SHA-256 digest is kept. */
@Entity
@Table(name = "admin_api_token")
public class AdminApiToken extends PanacheEntityBase {

    static final String FROM_ADMIN_PAGES = "admin-pages";
    static final String FROM_ENVIRONMENT = "environment";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_digest", nullable = false, unique = true)
    public byte[] tokenDigest;

    /** The admin who created it; null for the token from {@code LEAKWATCH_ADMIN_TOKEN}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    public AdminAccount owner;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
