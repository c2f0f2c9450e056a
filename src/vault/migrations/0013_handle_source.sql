-- Lifeboat vault schema, version 13: where a messenger handle came from.
-- A handle a member wrote in a chat ("인스타 @abc", "my telegram is @x")
-- keeps the message as its provenance, like a number does. The provenance
-- table cannot hold it (its CHECK wants a phone or an e-mail), so handles
-- have their own, with the same columns. Append-only: never edit a shipped
-- migration.

CREATE TABLE handle_source (
    id         INTEGER PRIMARY KEY,
    handle_id  INTEGER NOT NULL REFERENCES handle(id) ON DELETE CASCADE,
    source_id  INTEGER REFERENCES source(id) ON DELETE CASCADE,
    line       INTEGER,
    message_id INTEGER,
    grp_id     INTEGER REFERENCES grp(id) ON DELETE CASCADE,
    shared_by  TEXT,
    at         TEXT,
    times      INTEGER NOT NULL DEFAULT 1,
    claimed    TEXT CHECK (claimed IN ('confirmed', 'candidate')),
    batch_id   INTEGER REFERENCES batch(id)
);
CREATE INDEX handle_source_handle ON handle_source(handle_id);
