-- The screening list and the data-quality findings (ScreeningMapper.xml) page with keyset cursors; each index below
-- lets one statement read exactly its page from an index range, in the list's order, at county, town or village
-- level, so page 5,000 costs what page 1 costs at a million households.

-- Under the monitoring line and not monitored: equality on category and income year, then the income range in
-- list order (poorest first, id to break ties).
ALTER TABLE household
  ADD INDEX ix_household_line (category, income_year, income_per_capita, id),
  ADD INDEX ix_household_line_town (town_code, category, income_year, income_per_capita, id),
  ADD INDEX ix_household_line_village (village_code, category, income_year, income_per_capita, id);

-- Warning data not yet screened: in the order warnings arrived, with screened_on in the index so the "screened
-- before the warning" test is made on index entries, without reading rows that are then thrown away.
ALTER TABLE household
  ADD INDEX ix_household_warning (warning_received_on, id, screened_on),
  ADD INDEX ix_household_warning_town (town_code, warning_received_on, id, screened_on),
  ADD INDEX ix_household_warning_village (village_code, warning_received_on, id, screened_on);

-- "The same ID number in another household" probes this index once per member; with household_id in it the probe
-- reads the index alone. It serves every lookup by ID number the narrower index served, so that one can go.
ALTER TABLE member ADD INDEX ix_member_id_number_household (id_number, household_id);
ALTER TABLE member DROP INDEX ix_member_id_number;
