-- The dashboard counts the members who hold a job on a day (DashboardMapper.xml, memberTotals and jobs): with
-- end_date in the member index, that reads the index alone instead of looking up every job row. The new index
-- serves fk_job_member, so the narrower one it replaces can go.
ALTER TABLE job ADD INDEX ix_job_member_held (member_id, start_date, end_date);
ALTER TABLE job DROP INDEX ix_job_member;
