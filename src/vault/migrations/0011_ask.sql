-- Lifeboat vault schema, version 11: the outage drill. When the user asked a
-- room for the numbers Lifeboat lacks, and whom. Append-only: never edit a
-- shipped migration.

CREATE TABLE ask (
    id     INTEGER PRIMARY KEY,
    grp_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,
    at     TEXT NOT NULL
);
CREATE INDEX ask_grp ON ask(grp_id, id);

CREATE TABLE ask_member (
    ask_id    INTEGER NOT NULL REFERENCES ask(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    PRIMARY KEY (ask_id, person_id)
);
