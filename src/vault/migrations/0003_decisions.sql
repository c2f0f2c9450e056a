-- Lifeboat vault schema, version 3: the user's decisions about who is who.
-- Append-only: never edit a shipped migration.

-- A person merged into another is kept, hidden, so the merge can be reversed;
-- lookups that land on it follow this to the person it became.
ALTER TABLE person ADD COLUMN merged_into INTEGER;

-- One row per `lifeboat merge`: its edit batch, and who went into whom.
CREATE TABLE merge (
    batch_id INTEGER PRIMARY KEY REFERENCES batch(id),
    into_id  INTEGER NOT NULL,
    from_id  INTEGER NOT NULL,
    -- 1 when the merge made `into_id` the vault owner (`me`): unmerge clears it.
    set_me   INTEGER NOT NULL DEFAULT 0
);

-- The rows a merge moved from one person to the other (phone, email, alias,
-- handle, membership): what unmerge moves back.
CREATE TABLE merge_move (
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    tbl      TEXT NOT NULL,
    row_id   INTEGER NOT NULL
);
CREATE INDEX merge_move_batch ON merge_move(batch_id);

-- Pairs the user said are different people (a < b): never suggested again.
CREATE TABLE not_same (
    a        INTEGER NOT NULL,
    b        INTEGER NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batch(id),
    PRIMARY KEY (a, b)
);
