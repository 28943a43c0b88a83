-- Data exchange: import jobs with their refused rows, and department warnings (work plan items 1-3).
-- Portable across MySQL 8.4 and MariaDB 10.11/11.4: no triggers, no procedures, no JSON column type.

-- One upload: its progress is written while it runs, so a reader sees rows read, applied and refused.
-- A job still QUEUED or RUNNING when the API starts was cut off by a restart and is marked FAILED.
CREATE TABLE import_job (
  id                  BIGINT        NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  dry_run             BOOLEAN       NOT NULL,
  file_name           VARCHAR(200)  NOT NULL,
  file_format         VARCHAR(8)    NOT NULL,
  file_sha256         CHAR(64)      NOT NULL,
  file_bytes          BIGINT        NOT NULL,
  created_by          VARCHAR(64)   NOT NULL,
  created_by_subject  VARCHAR(64)   NOT NULL,
  rows_read           INT           NOT NULL DEFAULT 0,
  rows_applied        INT           NOT NULL DEFAULT 0,
  rows_unchanged      INT           NOT NULL DEFAULT 0,
  rows_refused        INT           NOT NULL DEFAULT 0,
  records_created     INT           NOT NULL DEFAULT 0,
  records_updated     INT           NOT NULL DEFAULT 0,
  error               VARCHAR(1000) NULL,
  header              TEXT          NULL,
  created_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  started_at          TIMESTAMP(3)  NULL,
  finished_at         TIMESTAMP(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_import_job_creator (created_by_subject, created_at),
  KEY ix_import_job_status (status),
  KEY ix_import_job_hash (file_sha256)
) DEFAULT CHARSET = utf8mb4;

-- A refused row: its number in the file, the column and reason, the value as the uploader may see it (masked
-- by the field policy), and the row's cells as uploaded (JSON text) for the downloadable report.
CREATE TABLE import_refusal (
  job_id      BIGINT         NOT NULL,
  seq         INT            NOT NULL,
  line_no  INT            NOT NULL,
  column_name VARCHAR(64)    NULL,
  reason      VARCHAR(500)   NOT NULL,
  shown_value VARCHAR(200)   NULL,
  cells       TEXT           NULL,
  PRIMARY KEY (job_id, seq),
  CONSTRAINT fk_import_refusal_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- One warning a line department sent about a person (item 2), kept with its history: never overwritten.
-- The household's warning_source / warning_received_on keep the newest one, which drives the
-- WARNING_NOT_SCREENED screening list until the household is screened on or after that date.
CREATE TABLE warning (
  id             BIGINT        NOT NULL,
  household_id   BIGINT        NOT NULL,
  member_id      BIGINT        NOT NULL,
  department     VARCHAR(32)   NOT NULL,
  kind           VARCHAR(64)   NOT NULL,
  warned_on      DATE          NOT NULL,
  note           VARCHAR(500)  NULL,
  import_job_id  BIGINT        NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- the same warning sent twice (or the same file uploaded again) is one record
  UNIQUE KEY uk_warning (member_id, department, kind, warned_on),
  KEY ix_warning_household (household_id, warned_on),
  CONSTRAINT fk_warning_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
  CONSTRAINT fk_warning_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
