-- Lifeboat vault schema, version 14: the message search index is written
-- with the messages (src/vault/text_index.rs), one segment per batch, and
-- covers queries of one and two characters too. It replaces the trigram
-- index that the first search filled. Append-only: never edit a shipped migration.

DROP TABLE message_text;
DELETE FROM setting WHERE key = 'fts_chunks_upto';

-- One row per batch that added text messages (0: messages from before batches).
CREATE TABLE text_index_segment (
    seg   INTEGER PRIMARY KEY,
    texts INTEGER NOT NULL
);
-- Rowid tables throughout: a blob in the key of a WITHOUT ROWID table is
-- read whole at every comparison while rows are inserted.
-- Per gram of one to three characters: the segment's texts holding it.
CREATE TABLE text_index_gram (
    id       INTEGER PRIMARY KEY,
    seg      INTEGER NOT NULL,
    gram     INTEGER NOT NULL,
    postings BLOB NOT NULL
);
CREATE UNIQUE INDEX text_index_gram_key ON text_index_gram(seg, gram);
-- The segment's distinct texts, folded, by blocks (id: seg << 32 | block).
CREATE TABLE text_index_text (
    id    INTEGER PRIMARY KEY,
    texts BLOB NOT NULL
);
-- Per text of a block: its newest messages, time and coded id (id: seg << 32 | block).
CREATE TABLE text_index_seen (
    id   INTEGER PRIMARY KEY,
    seen BLOB NOT NULL
);
-- The rest of the messages of texts sent more often than a block keeps (id: seg << 32 | text).
CREATE TABLE text_index_more (
    id   INTEGER PRIMARY KEY,
    seen BLOB NOT NULL
);
