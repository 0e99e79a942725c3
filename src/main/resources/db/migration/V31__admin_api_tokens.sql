-- API tokens for automation (Authorization: Bearer). Only the SHA-256 of a token is kept; the token
-- itself is shown once, when it is created. owner_id is null for the token from LEAKWATCH_ADMIN_TOKEN.
CREATE TABLE admin_api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_digest bytea       NOT NULL UNIQUE CHECK (octet_length(token_digest) = 32),
    owner_id     bigint      REFERENCES admin_account (id) ON DELETE CASCADE,
    source       text        NOT NULL CHECK (source IN ('admin-pages', 'environment')),
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
