-- Employment of members (item 15): jobs with their subsidies, skills trainings and certificates held.
-- Portable across MySQL 8.4 and MariaDB 10.11/11.4: CHECK constraints are enforced by both (and ignored, harmlessly,
-- by TiDB); the services check the same rules first so that a refusal names the input field.
-- Each table carries household_id as well as member_id: Household.jobs and the partner access log read by household,
-- and a member never moves between households. Records go with their member (ON DELETE CASCADE), since
-- removeMember deletes the member row and must not fail on them.

CREATE TABLE job (
  id                  BIGINT         NOT NULL,
  member_id           BIGINT         NOT NULL,
  household_id        BIGINT         NOT NULL,
  type                VARCHAR(24)    NOT NULL,
  welfare_post_level  VARCHAR(8)     NULL,
  employer            VARCHAR(100)   NOT NULL,
  place               VARCHAR(100)   NOT NULL,
  start_date          DATE           NOT NULL,
  end_date            DATE           NULL,
  monthly_income      DECIMAL(10,2)  NOT NULL,
  version             INT            NOT NULL DEFAULT 0,
  created_at          TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at          TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_job_member (member_id, start_date),
  KEY ix_job_household (household_id, start_date),
  -- the top-level list: newest first, and the filters the dashboard counts by
  KEY ix_job_start (start_date, id),
  KEY ix_job_type (type, welfare_post_level, end_date),
  CONSTRAINT fk_job_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
  CONSTRAINT ck_job_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_job_income CHECK (monthly_income >= 0),
  CONSTRAINT ck_job_welfare_level CHECK ((type = 'PUBLIC_WELFARE_POST') = (welfare_post_level IS NOT NULL))
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE job_subsidy (
  id            BIGINT         NOT NULL,
  job_id        BIGINT         NOT NULL,
  member_id     BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  kind          VARCHAR(32)    NOT NULL,
  amount        DECIMAL(10,2)  NOT NULL,
  paid_on       DATE           NOT NULL,
  created_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_job_subsidy_job (job_id, paid_on),
  -- "at most one start-up subsidy per member" is checked under the member's lock through this index
  KEY ix_job_subsidy_member (member_id, kind),
  KEY ix_job_subsidy_household (household_id),
  CONSTRAINT fk_job_subsidy_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_subsidy_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_subsidy_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
  CONSTRAINT ck_job_subsidy_amount CHECK (amount > 0)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE training (
  id            BIGINT        NOT NULL,
  member_id     BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  course        VARCHAR(100)  NOT NULL,
  provider      VARCHAR(100)  NOT NULL,
  start_date    DATE          NOT NULL,
  end_date      DATE          NULL,
  completed     BOOLEAN       NOT NULL DEFAULT FALSE,
  version       INT           NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_training_member (member_id, start_date),
  KEY ix_training_household (household_id),
  CONSTRAINT fk_training_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
  CONSTRAINT fk_training_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
  CONSTRAINT ck_training_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_training_completed CHECK (NOT completed OR end_date IS NOT NULL)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE certificate (
  id                  BIGINT        NOT NULL,
  member_id           BIGINT        NOT NULL,
  household_id        BIGINT        NOT NULL,
  training_id         BIGINT        NULL,
  name                VARCHAR(100)  NOT NULL,
  kind                VARCHAR(24)   NOT NULL,
  issued_on           DATE          NOT NULL,
  certificate_number  VARCHAR(64)   NOT NULL,
  version             INT           NOT NULL DEFAULT 0,
  created_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_certificate_member (member_id, issued_on),
  KEY ix_certificate_household (household_id),
  -- the top-level list (newest first) and the certification-rate milestones (issued by a date)
  KEY ix_certificate_issued (issued_on, id),
  KEY ix_certificate_kind (kind, issued_on),
  KEY ix_certificate_training (training_id),
  CONSTRAINT fk_certificate_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
  CONSTRAINT fk_certificate_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE,
  CONSTRAINT fk_certificate_training FOREIGN KEY (training_id) REFERENCES training (id) ON DELETE SET NULL
) DEFAULT CHARSET = utf8mb4;
