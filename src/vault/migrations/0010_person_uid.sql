-- Lifeboat vault schema, version 10: what address books need to keep a person apart.
-- Append-only: never edit a shipped migration.

-- A stable UID per person (vCard UID, CardDAV's key): kept from the card it
-- came from, otherwise made once here or when the person is created.
ALTER TABLE person ADD COLUMN uid TEXT;
UPDATE person SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
UPDATE person SET uid = 'urn:uuid:' || substr(uid, 1, 8) || '-' || substr(uid, 9, 4) || '-4' || substr(uid, 14, 3)
    || '-a' || substr(uid, 18, 3) || '-' || substr(uid, 21, 12)
    WHERE uid NOT LIKE 'urn:%';
CREATE UNIQUE INDEX person_uid ON person(uid);

-- The structured name (vCard N) as its source wrote it, as JSON
-- {"family", "given", "additional", "prefix", "suffix"}; NULL: derive it from the name.
ALTER TABLE person ADD COLUMN name_parts TEXT;

-- The units of a structured ORG (["TheCompany", "TheDepartment"]) as JSON,
-- when the source wrote more than one; `org` holds them joined for display.
ALTER TABLE person ADD COLUMN org_parts TEXT;
