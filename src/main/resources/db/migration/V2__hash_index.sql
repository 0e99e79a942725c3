-- The hash index changes only by publishing a new generation. A generation is immutable once
-- published; index_current names the one that is served, and publishing is one UPDATE of it.
CREATE TABLE index_generation (
    id           integer     PRIMARY KEY,
    state        text        NOT NULL CHECK (state IN ('staging', 'published', 'superseded', 'discarded')),
    reason       text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
-- At most one generation is being built at a time: builds are serialised, so each one
-- starts from the generation served when it began.
CREATE UNIQUE INDEX one_staging_generation ON index_generation ((true)) WHERE state = 'staging';

CREATE TABLE index_current (
    singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation_id integer NOT NULL REFERENCES index_generation (id)
);
INSERT INTO index_generation (id, state, reason, published_at) VALUES (0, 'published', 'empty index', now());
INSERT INTO index_current (generation_id) VALUES (0);

-- One row per bucket version: the entries of one hash kind under one 20-bit prefix, packed and
-- sorted (see PackedBucket). A version is visible in generation G when
-- first_generation <= G AND (replaced_in IS NULL OR replaced_in > G); staging a bucket adds a
-- version and marks the one it replaces, so the served generation never changes under a reader.
CREATE TABLE index_bucket (
    kind             smallint NOT NULL,
    prefix           integer  NOT NULL CHECK (prefix BETWEEN 0 AND 1048575),
    first_generation integer  NOT NULL REFERENCES index_generation (id),
    replaced_in      integer  REFERENCES index_generation (id),
    entry_count      integer  NOT NULL CHECK (entry_count >= 0),
    entries          bytea    NOT NULL,
    PRIMARY KEY (kind, prefix, first_generation)
);
-- Hashes do not compress: store large buckets out of line without trying.
ALTER TABLE index_bucket ALTER COLUMN entries SET STORAGE EXTERNAL;
CREATE INDEX index_bucket_replaced_in ON index_bucket (replaced_in) WHERE replaced_in IS NOT NULL;

-- A breach is public from the generation that published it; pending_in names the staged generation
-- that will publish it, and removed_in the one that took it out of the index.
ALTER TABLE breach ADD COLUMN published_in integer REFERENCES index_generation (id);
ALTER TABLE breach ADD COLUMN pending_in integer REFERENCES index_generation (id);
ALTER TABLE breach ADD COLUMN removed_in integer REFERENCES index_generation (id);
