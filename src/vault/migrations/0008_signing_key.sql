-- Lifeboat vault schema, version 8: the vault's Ed25519 key that signs its
-- backups. Append-only: never edit a shipped migration.

-- One key per vault, made on first use. The 32-byte secret seed is safe here
-- because the whole vault is encrypted.
CREATE TABLE signing_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seed       BLOB NOT NULL CHECK (length(seed) = 32),
    created_at TEXT NOT NULL
);
