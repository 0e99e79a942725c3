package io.leakwatch.admin.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the admin audit log: an event, and how often it repeated since. */
@Entity
@Table(name = "admin_audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** When the event last repeated (the same actor, action, subject and address); {@link #occurredAt} at first. */
    @Column(name = "last_occurred_at", nullable = false)
    public Instant lastOccurredAt;

    @Column(name = "repeat_count", nullable = false)
    public int repeatCount;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String subject;

    @Column(name = "client_address", nullable = false)
    public String clientAddress;
}
