-- Lifeboat vault schema, version 4: the People list in name order.
-- Append-only: never edit a shipped migration.

-- The unfiltered People list pages through everyone by name. Without this
-- index every page sorted the whole table; with it a page walks the index.
-- Partial: merged people are hidden from the list.
CREATE INDEX person_by_name ON person(name, id) WHERE merged_into IS NULL;

-- The merged, to count everyone else without visiting every row.
CREATE INDEX person_merged ON person(merged_into) WHERE merged_into IS NOT NULL;
