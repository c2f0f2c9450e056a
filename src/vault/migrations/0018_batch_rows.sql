-- Lifeboat vault schema, version 18: the rows each import added, found by their batch,
-- so the history counts them (and undo removes them) without reading every
-- person, phone and e-mail: with 100,000 people the history screen scanned
-- all three tables for each import. Append-only: never edit a shipped migration.
CREATE INDEX person_batch ON person(batch_id);
CREATE INDEX phone_batch ON phone(batch_id);
CREATE INDEX email_batch ON email(batch_id);
