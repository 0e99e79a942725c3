-- Admin accounts and their signed-in sessions. There is no default account: the first admin comes
-- from the command line (admin add) or from LEAKWATCH_ADMIN_USERNAME / LEAKWATCH_ADMIN_PASSWORD.
CREATE TABLE admin_account (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    -- Argon2id in the standard encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
    password_hash       text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    enabled             boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    password_changed_at timestamptz NOT NULL
);

-- A browser signed in as an admin. The cookie carries a random token; only its SHA-256 is kept here.
CREATE TABLE admin_session (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_digest bytea       NOT NULL UNIQUE CHECK (octet_length(token_digest) = 32),
    admin_id     bigint      NOT NULL REFERENCES admin_account (id) ON DELETE CASCADE,
    csrf_token   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);
CREATE INDEX admin_session_admin_idx ON admin_session (admin_id);
