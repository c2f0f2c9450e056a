-- Lifeboat vault schema: phones by the value rows are compared by (E.164,
-- or the text as written), so restoring someone else's backup finds the
-- numbers this signer claimed before without reading every provenance row
-- (a scan per number made a 100,000-person restore quadratic). Append-only:
-- never edit a shipped migration.
CREATE INDEX phone_value ON phone(value);
