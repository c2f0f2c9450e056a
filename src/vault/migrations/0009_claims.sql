-- Lifeboat vault schema, version 9: backups made by someone else are claims.
-- Who made a restored backup, what it claimed, and whom to trust per group.
-- Append-only: never edit a shipped migration.

-- For a restored backup: the maker's name as they chose it, their signing
-- key's fingerprint (NULL: unsigned), when they made it, and whether it was
-- someone else's (1) or this vault's own (0).
ALTER TABLE source ADD COLUMN signer TEXT;
ALTER TABLE source ADD COLUMN signer_key TEXT;
ALTER TABLE source ADD COLUMN made_at TEXT;
ALTER TABLE source ADD COLUMN claim INTEGER NOT NULL DEFAULT 0;

-- For a value from someone else's backup: the status that backup gave it
-- ('confirmed' there means confirmed by the sender, never by you).
ALTER TABLE provenance ADD COLUMN claimed TEXT CHECK (claimed IN ('confirmed', 'candidate'));

-- Trust on first use, per group: every signer a group's roster was restored
-- from, the newest first to count. Undo of the restore removes its row.
CREATE TABLE group_signer (
    id         INTEGER PRIMARY KEY,
    grp_id     INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,
    signer_key TEXT,
    signer     TEXT,
    batch_id   INTEGER NOT NULL REFERENCES batch(id)
);
CREATE INDEX group_signer_grp ON group_signer(grp_id, id);

-- A backup person who looks like someone in the vault (the same seat in a
-- group, the same name, "me") but shares no number or e-mail you
-- confirmed: a merge suggestion, never a merge.
CREATE TABLE claim_match (
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    existing_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL,
    batch_id    INTEGER NOT NULL REFERENCES batch(id),
    PRIMARY KEY (person_id, existing_id)
);

-- Members someone else's backup said left a group: undo of that restore
-- seats them again.
CREATE TABLE claim_left (
    membership_id INTEGER NOT NULL REFERENCES membership(id) ON DELETE CASCADE,
    batch_id      INTEGER NOT NULL REFERENCES batch(id)
);
CREATE INDEX claim_left_batch ON claim_left(batch_id);
