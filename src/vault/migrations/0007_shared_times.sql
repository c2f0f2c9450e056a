-- Lifeboat vault schema, version 7 (version 6 is code: src/vault/schema.rs).
-- Append-only: never edit a shipped migration.

-- A member who shares a number again and again in one room is one source,
-- their first share with a count, not a row per message.
ALTER TABLE provenance ADD COLUMN times INTEGER NOT NULL DEFAULT 1;
