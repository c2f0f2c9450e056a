-- Lifeboat vault schema: a messenger handle has a status, as a number has.
-- A handle from an address book (or a platform's own user id) is
-- confirmed; one found in a chat, or claimed by someone else's backup, is
-- a candidate until the user confirms it. `edited` keeps what the user
-- decided through undo, as for numbers. A handle the user rejected is
-- remembered, so no later import or restore brings it back to that person.
-- Append-only: never edit a shipped migration.

ALTER TABLE handle ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed'
    CHECK (status IN ('confirmed', 'candidate'));
ALTER TABLE handle ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;

UPDATE handle SET status = 'candidate'
 WHERE service <> 'id'
   AND EXISTS (SELECT 1 FROM handle_source s
               WHERE s.handle_id = handle.id AND (s.grp_id IS NOT NULL OR s.shared_by IS NOT NULL OR s.claimed IS NOT NULL));

-- Someone else's backup joins one of your people by a handle you confirmed.
CREATE INDEX handle_value ON handle(service, value);

CREATE TABLE handle_rejected (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    service   TEXT NOT NULL,
    value     TEXT NOT NULL,
    at        TEXT NOT NULL,
    UNIQUE (person_id, service, value)
);
