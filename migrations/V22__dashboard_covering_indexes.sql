-- Indexes the dashboard's county figures read alone, without touching table rows (DashboardMapper.xml; the
-- EXPLAIN output is in docs/performance.md). Each new index starts with the columns of the one it replaces, so
-- every query the old one served, the new one serves.

-- members able and willing by job type: distinct members in (type, member_id) order, no temporary table
ALTER TABLE job ADD INDEX ix_job_type_member (type, member_id, start_date, end_date);

-- measures by category and status, with the start day and amount the figures filter and add up
ALTER TABLE assistance_measure ADD INDEX ix_measure_cube (category, status, start_date, amount);
ALTER TABLE assistance_measure DROP INDEX ix_measure_category;

-- sales by month and channel with their amounts
ALTER TABLE sale ADD INDEX ix_sale_month_channel_amount (month, channel, amount);
ALTER TABLE sale DROP INDEX ix_sale_month_channel;

-- visits by week and the cadres who made them
ALTER TABLE household_visit ADD INDEX ix_visit_date_cadre (visited_on, cadre);
