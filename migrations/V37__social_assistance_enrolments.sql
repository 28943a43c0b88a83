-- Social assistance (社会救助, item 11 of the work plan), kept by civil affairs: enrolments in the minimum living
-- allowance (低保), extreme-poverty support (特困供养) and temporary relief (临时救助), each with its start and end,
-- and the months paid. household.minimum_allowance and household.extreme_poverty are derived from the enrolments
-- (AssistanceService keeps them in the writing transaction). Portable across MySQL 8.4 and MariaDB 10.11/11.4.

CREATE TABLE assistance_enrolment (
  id              BIGINT         NOT NULL,
  household_id    BIGINT         NOT NULL,
  -- MINIMUM_ALLOWANCE, EXTREME_POVERTY_SUPPORT or TEMPORARY_RELIEF
  kind            VARCHAR(24)    NOT NULL,
  start_date      DATE           NOT NULL,
  -- null while it runs; never in the future (an enrolment is ended on the day it ends)
  end_date        DATE           NULL,
  -- yuan a month (allowance, support); null for temporary relief
  monthly_amount  DECIMAL(12,2)  NULL,
  -- yuan granted once (temporary relief); null for the monthly kinds
  one_off_amount  DECIMAL(12,2)  NULL,
  reason          VARCHAR(200)   NULL,
  recorded_by     VARCHAR(64)    NOT NULL,
  version         INT            NOT NULL DEFAULT 0,
  created_at      TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_assistance_household (household_id, kind, start_date),
  -- the dashboard's enrolments active on a day, by kind, at county level from the index alone
  KEY ix_assistance_kind (kind, start_date, end_date, household_id),
  CONSTRAINT fk_assistance_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_assistance_monthly CHECK (monthly_amount IS NULL OR monthly_amount > 0),
  CONSTRAINT ck_assistance_one_off CHECK (one_off_amount IS NULL OR one_off_amount > 0)
) DEFAULT CHARSET = utf8mb4;

-- One row per enrolment and month paid (YYYY-MM): the payment months. Temporary relief has one row, its start month.
-- kind and household_id repeat the enrolment's, so the dashboard's amounts paid in a period read this table alone.
CREATE TABLE assistance_payment (
  enrolment_id  BIGINT         NOT NULL,
  month         CHAR(7)        NOT NULL,
  household_id  BIGINT         NOT NULL,
  kind          VARCHAR(24)    NOT NULL,
  amount        DECIMAL(12,2)  NOT NULL,
  paid_by       VARCHAR(64)    NOT NULL,
  recorded_at   TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (enrolment_id, month),
  KEY ix_assistance_payment_month (month, kind, amount),
  KEY ix_assistance_payment_household (household_id, month),
  CONSTRAINT fk_assistance_payment_enrolment FOREIGN KEY (enrolment_id) REFERENCES assistance_enrolment (id),
  CONSTRAINT ck_assistance_payment_amount CHECK (amount > 0)
) DEFAULT CHARSET = utf8mb4;
