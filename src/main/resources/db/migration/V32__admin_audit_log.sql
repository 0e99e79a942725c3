-- Who did what in the admin area: sign-ins (successful or not), token use, every admin action.
CREATE TABLE admin_audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    subject        text        NOT NULL DEFAULT '',
    client_address text        NOT NULL DEFAULT ''
);
CREATE INDEX admin_audit_event_occurred_idx ON admin_audit_event (occurred_at DESC, id DESC);
