-- Lifeboat vault schema, version 19: a phone is found by its E.164 form
-- through `phone_value` (a phone's value is its E.164 form whenever it has
-- one), so the separate index on `e164` goes: it held the same keys again,
-- and every new number paid for both. Append-only: never edit a shipped
-- migration.
DROP INDEX phone_e164;
