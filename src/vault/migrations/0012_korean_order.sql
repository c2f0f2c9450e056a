-- Lifeboat vault schema, version 12: the People list in the order Korean
-- phones use with a Korean UI: names in Hangul first (가나다…, then names of
-- bare jamo such as ㅎㅎ), then A–Z, then the rest. Append-only: never edit a
-- shipped migration.

-- The same expression as `KOREAN_ORDER` in src/vault/people.rs, so a page of
-- the list walks this index instead of sorting everyone.
CREATE INDEX person_order_ko ON person(
  (CASE WHEN unicode(name) BETWEEN 44032 AND 55203 THEN 0
        WHEN unicode(name) BETWEEN 12593 AND 12686 THEN 1
        WHEN unicode(upper(substr(name, 1, 1))) BETWEEN 65 AND 90 THEN 2
        ELSE 3 END),
  name, id) WHERE merged_into IS NULL;
