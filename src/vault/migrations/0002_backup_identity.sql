-- Lifeboat vault schema, version 2: the user's age identities for backups
-- (`lifeboat keygen`). Append-only: never edit a shipped migration.

-- Every identity ever made is kept, so backups made to an older key still restore.
CREATE TABLE backup_identity (
    id         INTEGER PRIMARY KEY,
    -- The AGE-SECRET-KEY-1… string; safe here because the whole vault is encrypted.
    secret     TEXT NOT NULL,
    recipient  TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
