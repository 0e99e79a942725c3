-- Repeats of an event (same actor, action, subject and address) within an hour are one row with a
-- count, so that a flood of bogus API tokens or failed sign-ins cannot bury everything else.
ALTER TABLE admin_audit_event ADD COLUMN repeat_count integer NOT NULL DEFAULT 1;
ALTER TABLE admin_audit_event ADD COLUMN last_occurred_at timestamptz;
UPDATE admin_audit_event SET last_occurred_at = occurred_at;
ALTER TABLE admin_audit_event ALTER COLUMN last_occurred_at SET NOT NULL;
DROP INDEX admin_audit_event_occurred_idx;
-- The audit page pages back by the latest repeat, all actions or one; retention deletes by it too
CREATE INDEX admin_audit_event_last_idx ON admin_audit_event (last_occurred_at DESC, id DESC);
CREATE INDEX admin_audit_event_action_idx ON admin_audit_event (action, last_occurred_at DESC, id DESC);
