-- The catalogue of breaches, with the fields of Have I Been Pwned's v3 breach model.
CREATE TABLE breach (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'),
    title          text        NOT NULL,
    domain         text        NOT NULL DEFAULT '',
    breach_date    date        NOT NULL,
    added_at       timestamptz NOT NULL DEFAULT now(),
    modified_at    timestamptz NOT NULL DEFAULT now(),
    pwn_count      bigint      NOT NULL DEFAULT 0 CHECK (pwn_count >= 0),
    description    text        NOT NULL DEFAULT '',
    data_classes   text[]      NOT NULL DEFAULT '{}',
    is_verified    boolean     NOT NULL DEFAULT false,
    is_fabricated  boolean     NOT NULL DEFAULT false,
    is_sensitive   boolean     NOT NULL DEFAULT false,
    is_retired     boolean     NOT NULL DEFAULT false,
    is_spam_list   boolean     NOT NULL DEFAULT false,
    is_malware     boolean     NOT NULL DEFAULT false,
    is_subscription_free boolean NOT NULL DEFAULT false,
    is_stealer_log boolean     NOT NULL DEFAULT false,
    logo_path      text        NOT NULL DEFAULT ''
);
