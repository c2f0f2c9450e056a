-- Lifeboat vault schema, version 1. Append-only: never edit a shipped migration.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One batch per import run, backup restore or edit: what undo removes.
CREATE TABLE batch (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('import', 'restore', 'edit')),
    undone_at TEXT
);

-- One row per file read in a batch.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    lines       INTEGER NOT NULL DEFAULT 0,
    contacts    INTEGER NOT NULL DEFAULT 0,
    messages    INTEGER NOT NULL DEFAULT 0,
    members     INTEGER NOT NULL DEFAULT 0,
    first_at    TEXT,
    last_at     TEXT
);
CREATE INDEX source_sha ON source(sha256);

CREATE TABLE person (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    me       INTEGER NOT NULL DEFAULT 0,
    org      TEXT,
    note     TEXT,
    birthday TEXT,
    -- Set when the user edits or confirms: undo of an import then keeps the person.
    edited   INTEGER NOT NULL DEFAULT 0,
    -- Lower-cased name, aliases, initials, e-mails and phone digits: what search scans.
    haystack TEXT NOT NULL DEFAULT '',
    batch_id INTEGER REFERENCES batch(id)
);

-- How a person appears in one source: a vCard FN, a nickname in one room.
CREATE TABLE alias (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
    batch_id  INTEGER REFERENCES batch(id),
    UNIQUE (person_id, name)
);

CREATE TABLE phone (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    -- The E.164 form, or NULL when the number does not normalize.
    e164      TEXT,
    raw       TEXT NOT NULL,
    -- e164, or the raw text when there is none: what makes two rows the same number.
    value     TEXT NOT NULL,
    -- Digits of the raw, E.164 and national forms, for search.
    digits    TEXT NOT NULL,
    label     TEXT,
    status    TEXT NOT NULL CHECK (status IN ('confirmed', 'candidate')),
    edited    INTEGER NOT NULL DEFAULT 0,
    batch_id  INTEGER REFERENCES batch(id),
    UNIQUE (person_id, value)
);
CREATE INDEX phone_e164 ON phone(e164);

CREATE TABLE email (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    address   TEXT NOT NULL,
    label     TEXT,
    status    TEXT NOT NULL CHECK (status IN ('confirmed', 'candidate')),
    edited    INTEGER NOT NULL DEFAULT 0,
    batch_id  INTEGER REFERENCES batch(id),
    UNIQUE (person_id, address)
);
CREATE INDEX email_address ON email(address);

CREATE TABLE grp (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('chat', 'contacts')),
    platform    TEXT,
    batch_id    INTEGER REFERENCES batch(id)
);
CREATE INDEX grp_name ON grp(platform, name);

CREATE TABLE membership (
    id           INTEGER PRIMARY KEY,
    grp_id       INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    first_seen   TEXT,
    last_seen    TEXT,
    messages     INTEGER NOT NULL DEFAULT 0,
    left_group   INTEGER NOT NULL DEFAULT 0,
    batch_id     INTEGER REFERENCES batch(id),
    UNIQUE (grp_id, display_name)
);
CREATE INDEX membership_person ON membership(person_id);

-- No foreign keys here: a million rows are inserted per import, and checking
-- four parents per row doubles the cost. The vault deletes messages itself
-- (undo removes a batch's rows before its groups and sources).
CREATE TABLE message (
    id        INTEGER PRIMARY KEY,
    grp_id    INTEGER NOT NULL,
    person_id INTEGER,
    sender    TEXT NOT NULL,
    at        TEXT NOT NULL,
    body      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    -- (minute << 24) | hash of (minute, text, occurrence): the same message in two exports of one room.
    fp        INTEGER NOT NULL,
    source_id INTEGER,
    line      INTEGER,
    batch_id  INTEGER
);
CREATE UNIQUE INDEX message_fp ON message(grp_id, fp);

-- Korean substring search over messages, brought up to date lazily (src/vault/fts.rs).
CREATE VIRTUAL TABLE message_fts USING fts5(
    body, content = 'message', content_rowid = 'id', tokenize = 'trigram', detail = 'none'
);

-- Where a phone or e-mail came from: a file line, or a message in a room.
CREATE TABLE provenance (
    id        INTEGER PRIMARY KEY,
    phone_id  INTEGER REFERENCES phone(id) ON DELETE CASCADE,
    email_id  INTEGER REFERENCES email(id) ON DELETE CASCADE,
    source_id INTEGER REFERENCES source(id) ON DELETE CASCADE,
    line      INTEGER,
    message_id INTEGER,
    grp_id    INTEGER REFERENCES grp(id) ON DELETE CASCADE,
    shared_by TEXT,
    at        TEXT,
    batch_id  INTEGER REFERENCES batch(id),
    CHECK ((phone_id IS NULL) <> (email_id IS NULL))
);
CREATE INDEX provenance_phone ON provenance(phone_id);
CREATE INDEX provenance_email ON provenance(email_id);

-- Messenger handles: Telegram @username, LINE ID, KakaoTalk open-chat nickname.
CREATE TABLE handle (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    service   TEXT NOT NULL,
    value     TEXT NOT NULL,
    batch_id  INTEGER REFERENCES batch(id),
    UNIQUE (person_id, service, value)
);
