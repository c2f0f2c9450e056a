-- Lifeboat vault schema, version 8: the vault's Ed25519 key that signs its
-- backups. Append-only: never edit a shipped migration.

-- Made on first use; the newest signs. Older ones, and keys brought from
-- the user's other vault (`keygen --import`), still mark backups as the
-- user's own. The 32-byte secret seed is safe here because the whole vault
-- is encrypted.
CREATE TABLE signing_key (
    id         INTEGER PRIMARY KEY,
    seed       BLOB NOT NULL UNIQUE CHECK (length(seed) = 32),
    created_at TEXT NOT NULL
);
