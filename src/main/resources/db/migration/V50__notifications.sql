-- Breach notifications (io.leakwatch.notify). Identifiers are stored only as keyed hashes:
-- HMAC-SHA256(LEAKWATCH_NOTIFY_HASH_KEY, SHA-1 of the normalised identifier), so a copy of the
-- database alone does not reveal them, not even by trying every phone number.

-- One subscription per email address. The address is kept in clear because mail must be sent to it;
-- email_hash is its keyed hash, to find the subscription again without comparing addresses.
CREATE TABLE notify_subscription (
    id                      uuid        PRIMARY KEY,
    email                   text        NOT NULL,
    email_hash              bytea       NOT NULL UNIQUE CHECK (length(email_hash) = 32),
    locale                  text        NOT NULL CHECK (locale IN ('en', 'zh')),
    created_at              timestamptz NOT NULL,
    -- Null until the owner opened the link of the verification mail (double opt-in).
    verified_at             timestamptz,
    -- SHA-256 of the token of the latest verification mail sent, and when it stops working. The token
    -- is made when the mail is sent, so it is never stored in clear, not even in the outbox.
    verification_hash       bytea       UNIQUE CHECK (length(verification_hash) = 32),
    verification_expires_at timestamptz
);
CREATE INDEX notify_subscription_unverified ON notify_subscription (created_at) WHERE verified_at IS NULL;

-- What a subscription monitors: its email address and optionally a phone number, national ID and
-- username, each as a keyed hash. lookup_key is the keyed hash's first 8 bytes (big-endian): the
-- matcher looks millions of them up, and an index of bigints is smaller and faster than one of
-- byte strings; it compares the whole hash of the few rows found.
CREATE TABLE notify_identifier (
    keyed_hash      bytea  NOT NULL CHECK (length(keyed_hash) = 32),
    lookup_key      bigint NOT NULL,
    subscription_id uuid   NOT NULL REFERENCES notify_subscription (id) ON DELETE CASCADE,
    kind            text   NOT NULL CHECK (kind IN ('email', 'phone', 'national-id', 'username')),
    PRIMARY KEY (keyed_hash, subscription_id)
);
CREATE INDEX notify_identifier_lookup ON notify_identifier (lookup_key);
CREATE INDEX notify_identifier_subscription ON notify_identifier (subscription_id);

-- The ledger: which breaches a subscriber is in, one row per (subscription, breach) ever, so nobody
-- is told twice about one breach, whatever restarts or re-publishing happen. A row is announced by
-- an alert mail ('alert') or, for breaches found before the owner verified, in the mail that
-- confirms the subscription ('welcome'); it is null while the subscription awaits verification.
CREATE TABLE notify_alert (
    subscription_id uuid        NOT NULL REFERENCES notify_subscription (id) ON DELETE CASCADE,
    breach_id       bigint      NOT NULL REFERENCES breach (id) ON DELETE CASCADE,
    found_at        timestamptz NOT NULL,
    announced       text        CHECK (announced IN ('alert', 'welcome')),
    PRIMARY KEY (subscription_id, breach_id)
);
CREATE INDEX notify_alert_breach ON notify_alert (breach_id);

-- The outbox: mail to send, written in the same transaction as the decision to send it, and sent by
-- a background worker with retries and exponential back-off. Its content is rendered when it is
-- sent; the row holds no address (that is the subscription's) and no secret.
CREATE TABLE notify_mail (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES notify_subscription (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('verification', 'already-subscribed', 'welcome', 'alert')),
    breach_id       bigint      REFERENCES breach (id) ON DELETE CASCADE,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    -- Still unsent at this time, the mail is marked failed (an admin can queue it again).
    give_up_at      timestamptz NOT NULL,
    -- The kind of the last failure (an exception class, an SMTP reply code): never an address.
    last_error      text,
    sent_at         timestamptz,
    CHECK ((kind = 'alert') = (breach_id IS NOT NULL))
);
CREATE INDEX notify_mail_due ON notify_mail (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notify_mail_subscription ON notify_mail (subscription_id);
CREATE INDEX notify_mail_sent ON notify_mail (sent_at) WHERE state = 'sent';
