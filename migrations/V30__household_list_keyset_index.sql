-- The household list pages in (code, id) order (HouseholdMapper.selectPage). MariaDB does not read the unique
-- index on code as ordered by (code, id), so at a million households every page, the first included, sorted the
-- whole table (EXPLAIN: "Using filesort", ~1,000,000 rows). With the id in the index the page is the next 51
-- index entries, at page 1 and at page 10,000 alike (docs/performance.md).
ALTER TABLE household ADD INDEX ix_household_code_id (code, id);
