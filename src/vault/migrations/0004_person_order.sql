-- Lifeboat vault schema, version 4: the People list in name order.
-- Append-only: never edit a shipped migration.

-- The unfiltered People list pages through everyone by name. Without this
-- index every page sorted the whole table (about 1 s per page at 100,000
-- people); with it a page walks the index. Partial: merged people are hidden.
CREATE INDEX person_by_name ON person(name, id) WHERE merged_into IS NULL;
