-- Linkage funds (衔接资金) and the project library (项目库), items 12, 13, 19 and 20 of the work plan. Portable across
-- MySQL 8.4 and MariaDB 10.11/11.4. The running totals on `project` (allocated, disbursed) are kept by the service
-- in the writing transaction, under the project row's lock, so two concurrent disbursements cannot both pass the
-- check "never above the allocation"; the ledger and the splits are the record they are checked against.

CREATE TABLE fund_allocation (
  id               BIGINT         NOT NULL,
  year             SMALLINT       NOT NULL,
  -- CENTRAL, PROVINCIAL, MUNICIPAL or COUNTY
  source           VARCHAR(12)    NOT NULL,
  -- the allocating document's number (文号), unique per source
  document_number  VARCHAR(64)    NOT NULL,
  title            VARCHAR(200)   NOT NULL,
  amount           DECIMAL(14,2)  NOT NULL,
  -- the part of `amount` split over projects so far (sum of fund_split.amount)
  split            DECIMAL(14,2)  NOT NULL DEFAULT 0,
  allocated_on     DATE           NOT NULL,
  recorded_by      VARCHAR(64)    NOT NULL,
  version          INT            NOT NULL DEFAULT 0,
  created_at       TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at       TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_fund_allocation_document (source, document_number),
  KEY ix_fund_allocation_year (year, id),
  CONSTRAINT ck_fund_allocation_amount CHECK (amount > 0),
  CONSTRAINT ck_fund_allocation_split CHECK (split >= 0 AND split <= amount)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE project (
  id                BIGINT         NOT NULL,
  year              SMALLINT       NOT NULL,
  name              VARCHAR(200)   NOT NULL,
  town_code         VARCHAR(12)    NOT NULL,
  -- null for a project of the whole town
  village_code      VARCHAR(12)    NULL,
  -- INDUSTRY, INFRASTRUCTURE, EMPLOYMENT, EDUCATION, HEALTH, HOUSING, WATER or OTHER; INDUSTRY is item 12's share
  category          VARCHAR(16)    NOT NULL,
  budget            DECIMAL(14,2)  NOT NULL,
  -- the line department that carries it out (AGRICULTURE, WATER, ...)
  owner_department  VARCHAR(32)    NOT NULL,
  planned_start     DATE           NOT NULL,
  planned_end       DATE           NOT NULL,
  -- ProjectStatus; ProjectService keeps the legal order
  status            VARCHAR(20)    NOT NULL,
  proposed_by       VARCHAR(64)    NOT NULL,
  reviewed_by       VARCHAR(64)    NULL,
  reviewed_on       DATE           NULL,
  -- PASSED or REJECTED, with the reviewer's note
  review_verdict    VARCHAR(10)    NULL,
  review_note       VARCHAR(500)   NULL,
  -- the day of the last change of status
  status_on         DATE           NOT NULL,
  -- running totals: sum of fund_split.amount and of disbursement.amount for the project
  allocated         DECIMAL(14,2)  NOT NULL DEFAULT 0,
  disbursed         DECIMAL(14,2)  NOT NULL DEFAULT 0,
  version           INT            NOT NULL DEFAULT 0,
  created_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_project_town (town_code, year, id),
  KEY ix_project_village (village_code, year),
  KEY ix_project_year (year, id),
  CONSTRAINT fk_project_town FOREIGN KEY (town_code) REFERENCES town (code),
  CONSTRAINT fk_project_village FOREIGN KEY (village_code) REFERENCES village (code),
  CONSTRAINT ck_project_budget CHECK (budget > 0),
  CONSTRAINT ck_project_dates CHECK (planned_end >= planned_start),
  CONSTRAINT ck_project_totals CHECK (disbursed >= 0 AND disbursed <= allocated)
) DEFAULT CHARSET = utf8mb4;

-- An allocation's split over projects: one row per allocation and project
CREATE TABLE fund_split (
  allocation_id  BIGINT         NOT NULL,
  project_id     BIGINT         NOT NULL,
  amount         DECIMAL(14,2)  NOT NULL,
  PRIMARY KEY (allocation_id, project_id),
  KEY ix_fund_split_project (project_id, allocation_id),
  CONSTRAINT fk_fund_split_allocation FOREIGN KEY (allocation_id) REFERENCES fund_allocation (id),
  CONSTRAINT fk_fund_split_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_fund_split_amount CHECK (amount >= 0)
) DEFAULT CHARSET = utf8mb4;

-- The ledger: entries are only ever added; a correction is a negative entry naming the one it corrects
CREATE TABLE disbursement (
  id              BIGINT         NOT NULL,
  project_id      BIGINT         NOT NULL,
  paid_on         DATE           NOT NULL,
  amount          DECIMAL(14,2)  NOT NULL,
  voucher_number  VARCHAR(64)    NOT NULL,
  corrects_id     BIGINT         NULL,
  note            VARCHAR(500)   NULL,
  recorded_by     VARCHAR(64)    NOT NULL,
  created_at      TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_disbursement_voucher (project_id, voucher_number),
  KEY ix_disbursement_project (project_id, paid_on, id),
  KEY ix_disbursement_paid (paid_on, project_id, amount),
  CONSTRAINT fk_disbursement_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT fk_disbursement_corrects FOREIGN KEY (corrects_id) REFERENCES disbursement (id),
  CONSTRAINT ck_disbursement_amount CHECK (amount <> 0)
) DEFAULT CHARSET = utf8mb4;

-- 联农带农: what a household received from a project in a year
CREATE TABLE project_benefit (
  id            BIGINT         NOT NULL,
  project_id    BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  year          SMALLINT       NOT NULL,
  -- JOBS, DIVIDENDS, LAND_RENT or PURCHASES
  kind          VARCHAR(12)    NOT NULL,
  amount        DECIMAL(12,2)  NOT NULL,
  recorded_by   VARCHAR(64)    NOT NULL,
  version       INT            NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_project_benefit (project_id, household_id, year, kind),
  KEY ix_project_benefit_household (household_id, year),
  CONSTRAINT fk_project_benefit_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT fk_project_benefit_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_project_benefit_amount CHECK (amount >= 0)
) DEFAULT CHARSET = utf8mb4;

-- 村集体经济: a village's collective income per year and source
CREATE TABLE village_collective_income (
  village_code  VARCHAR(12)    NOT NULL,
  year          SMALLINT       NOT NULL,
  -- OPERATIONS, LEASING, DIVIDENDS, SERVICES, SUBSIDIES or OTHER
  source        VARCHAR(12)    NOT NULL,
  amount        DECIMAL(14,2)  NOT NULL,
  -- the project the income comes from, when one does
  project_id    BIGINT         NULL,
  recorded_by   VARCHAR(64)    NOT NULL,
  version       INT            NOT NULL DEFAULT 0,
  updated_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (village_code, year, source),
  CONSTRAINT fk_collective_income_village FOREIGN KEY (village_code) REFERENCES village (code),
  CONSTRAINT fk_collective_income_project FOREIGN KEY (project_id) REFERENCES project (id),
  CONSTRAINT ck_collective_income_amount CHECK (amount >= 0)
) DEFAULT CHARSET = utf8mb4;
