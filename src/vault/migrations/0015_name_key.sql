-- Lifeboat vault schema, version 15: people by the form of a name that
-- suggestions compare (`name_key`, a function the vault registers on its
-- connection: NFC, lower case, single spaces), so one person's page finds
-- their namesakes without reading every name. Append-only: never edit a
-- shipped migration.
CREATE INDEX person_name_key ON person(name_key(name)) WHERE merged_into IS NULL;
CREATE INDEX alias_name_key ON alias(name_key(name));
CREATE INDEX membership_name_key ON membership(name_key(display_name));
