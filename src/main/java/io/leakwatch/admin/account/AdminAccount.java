package io.leakwatch.admin.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "admin_account")
public class AdminAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Normalised by {@link AdminUsername}: lower case, no surrounding spaces. */
    @Column(nullable = false, unique = true)
    public String username;

    /** Argon2id, standard encoded form. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "password_changed_at", nullable = false)
    public Instant passwordChangedAt;

    public static Optional<AdminAccount> findByUsername(String normalisedUsername) {
        return find("username", normalisedUsername).firstResultOptional();
    }
}
