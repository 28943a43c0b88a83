-- Towns, villages, households and their members.
-- Portable across MySQL 8.4, MariaDB 10.11/11.4 and TiDB: no triggers, no procedures, no engine-specific types.
-- Primary keys are application-generated 63-bit ids whose top bits are spread (see IdGenerator), so inserts
-- do not all land on one hot range when the table is split across nodes.

CREATE TABLE town (
  code        VARCHAR(12)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (code)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE village (
  code        VARCHAR(12)  NOT NULL,
  town_code   VARCHAR(12)  NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (code),
  KEY ix_village_town (town_code, code),
  CONSTRAINT fk_village_town FOREIGN KEY (town_code) REFERENCES town (code)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE household (
  id                     BIGINT        NOT NULL,
  code                   VARCHAR(24)   NOT NULL,
  town_code              VARCHAR(12)   NOT NULL,
  village_code           VARCHAR(12)   NOT NULL,
  address                VARCHAR(200)  NOT NULL,
  head_name              VARCHAR(64)   NOT NULL,
  head_id_number         VARCHAR(18)   NOT NULL,
  phone                  VARCHAR(20)   NULL,
  category               VARCHAR(16)   NOT NULL,
  monitoring_type        VARCHAR(24)   NULL,
  risk_status            VARCHAR(16)   NULL,
  risk_eliminated_on     DATE          NULL,
  policy_support         BOOLEAN       NOT NULL DEFAULT FALSE,
  income_per_capita      DECIMAL(12,2) NOT NULL,
  income_year            SMALLINT      NOT NULL,
  minimum_allowance      BOOLEAN       NOT NULL DEFAULT FALSE,
  extreme_poverty        BOOLEAN       NOT NULL DEFAULT FALSE,
  identified_via         VARCHAR(24)   NULL,
  identified_on          DATE          NULL,
  warning_source         VARCHAR(32)   NULL,
  warning_received_on    DATE          NULL,
  screened_on            DATE          NULL,
  assigned_cadre         VARCHAR(64)   NULL,
  housing_grade          CHAR(1)       NULL,
  housing_inspected_on   DATE          NULL,
  water_safe             BOOLEAN       NULL,
  water_checked_on       DATE          NULL,
  version                INT           NOT NULL DEFAULT 0,
  created_at             TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at             TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_household_code (code),
  KEY ix_household_village (village_code, code),
  KEY ix_household_town (town_code, code),
  KEY ix_household_category (category, monitoring_type, risk_status),
  KEY ix_household_income (income_per_capita),
  KEY ix_household_head_id (head_id_number),
  KEY ix_household_head_name (head_name),
  CONSTRAINT fk_household_town FOREIGN KEY (town_code) REFERENCES town (code),
  CONSTRAINT fk_household_village FOREIGN KEY (village_code) REFERENCES village (code)
) DEFAULT CHARSET = utf8mb4;

-- One row per (household, cause): filtering by cause uses the index instead of scanning a list column.
CREATE TABLE household_risk_cause (
  household_id  BIGINT       NOT NULL,
  cause         VARCHAR(24)  NOT NULL,
  PRIMARY KEY (household_id, cause),
  KEY ix_risk_cause (cause, household_id),
  CONSTRAINT fk_risk_cause_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE member (
  id                BIGINT        NOT NULL,
  household_id      BIGINT        NOT NULL,
  name              VARCHAR(64)   NOT NULL,
  id_number         VARCHAR(18)   NOT NULL,
  relation          VARCHAR(16)   NOT NULL,
  gender            VARCHAR(8)    NOT NULL,
  birth_date        DATE          NOT NULL,
  schooling         VARCHAR(24)   NOT NULL,
  health            VARCHAR(16)   NOT NULL,
  disability_grade  TINYINT       NULL,
  labour_capacity   VARCHAR(8)    NOT NULL,
  willing_to_work   BOOLEAN       NOT NULL DEFAULT FALSE,
  version           INT           NOT NULL DEFAULT 0,
  created_at        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_member_household (household_id, id),
  -- Not unique: legacy imports carry duplicates, which the data-quality findings report.
  -- The API refuses new duplicates (MemberService checks under a lock on this index).
  KEY ix_member_id_number (id_number),
  CONSTRAINT fk_member_household FOREIGN KEY (household_id) REFERENCES household (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
