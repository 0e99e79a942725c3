-- A breach file on its way into the index: uploaded to disk, staged (parsed, validated, hashed,
-- de-duplicated and sorted into upload-private files), then published into a new generation.
CREATE TABLE ingest_upload (
    id               uuid        PRIMARY KEY,
    breach_id        bigint      NOT NULL REFERENCES breach (id) ON DELETE CASCADE,
    format           text        NOT NULL,
    options          text        NOT NULL DEFAULT '{}',
    state            text        NOT NULL CHECK (state IN ('uploading', 'queued', 'staging', 'staged', 'publishing',
                                                           'published', 'discarded', 'failed', 'cancelled', 'expired')),
    created_by       text        NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    upload_bytes     bigint      NOT NULL DEFAULT 0,
    bytes_read       bigint      NOT NULL DEFAULT 0,
    lines_read       bigint      NOT NULL DEFAULT 0,
    lines_accepted   bigint      NOT NULL DEFAULT 0,
    duplicates       bigint      NOT NULL DEFAULT 0,
    entries          bigint      NOT NULL DEFAULT 0,
    rejected         text        NOT NULL DEFAULT '{}',
    first_rejected   text        NOT NULL DEFAULT '[]',
    error            text,
    generation_id    integer     REFERENCES index_generation (id),
    -- Published, and its account hashes kept until notifications have matched them against subscribers.
    alerts_pending   boolean     NOT NULL DEFAULT false,
    started_at       timestamptz,
    finished_at      timestamptz
);
-- One job at a time per breach: at most one upload of a breach is past upload and not yet ended.
CREATE UNIQUE INDEX one_active_upload_per_breach ON ingest_upload (breach_id)
    WHERE state IN ('queued', 'staging', 'publishing');
CREATE INDEX ingest_upload_breach ON ingest_upload (breach_id, created_at DESC);

-- A breach being removed: the staged generation that takes it out of the index.
ALTER TABLE breach ADD COLUMN removal_pending_in integer REFERENCES index_generation (id);
