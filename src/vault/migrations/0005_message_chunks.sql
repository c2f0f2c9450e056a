-- Lifeboat vault schema, version 5: messages packed in chunks (src/vault/chunk.rs).
-- Append-only: never edit a shipped migration.

-- A few thousand of one room's messages from one batch per row. A row per
-- message made storing a million-message export slower than parsing it.
-- No foreign keys, like the table it replaces: the vault deletes chunks itself.
CREATE TABLE message_chunk (
    id        INTEGER PRIMARY KEY,
    grp_id    INTEGER NOT NULL,
    batch_id  INTEGER,
    source_id INTEGER,
    -- The smallest and largest fingerprint in the chunk: where to look for a message.
    first_fp  INTEGER NOT NULL,
    last_fp   INTEGER NOT NULL,
    -- The first and last message time, in seconds: where to look for a message by its time.
    first_at  INTEGER NOT NULL,
    last_at   INTEGER NOT NULL,
    count     INTEGER NOT NULL,
    senders   BLOB NOT NULL,
    who       BLOB NOT NULL,
    fps       BLOB NOT NULL,
    body      BLOB NOT NULL
);
CREATE INDEX message_chunk_fp ON message_chunk(grp_id, first_fp, last_fp);
CREATE INDEX message_chunk_batch ON message_chunk(batch_id);

-- Korean substring search: text messages under their coded id (chunk << 16 | index).
-- Contentless: the text lives in the chunk and is checked there.
CREATE VIRTUAL TABLE message_text USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'trigram', detail = 'none'
);
