-- Partner access log: which document ran (its SHA-256) with which variables (masked), and how the request ended,
-- so every partner request, answered, replayed or failed, leaves a row an auditor can read.
ALTER TABLE partner_access_log
  ADD COLUMN document_hash  CHAR(64)     NULL,
  ADD COLUMN variables      MEDIUMTEXT   NULL,
  ADD COLUMN outcome        VARCHAR(16)  NULL;

-- A stored answer keeps the households and fields it carried, so a replay is logged like the first request.
ALTER TABLE idempotency_key
  ADD COLUMN household_ids  MEDIUMTEXT   NULL,
  ADD COLUMN fields         TEXT         NULL;

-- ShedLock (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one row per scheduled job that must run on one
-- API instance at a time. Explicit defaults keep MariaDB from adding ON UPDATE CURRENT_TIMESTAMP to lock_until.
CREATE TABLE shedlock (
  name        VARCHAR(64)   NOT NULL,
  lock_until  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  locked_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  locked_by   VARCHAR(255)  NOT NULL,
  PRIMARY KEY (name)
) DEFAULT CHARSET = utf8mb4;
