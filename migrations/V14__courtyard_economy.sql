-- Courtyard economy (庭院经济, item 14 of the work plan): demonstration households per year, and the demonstration
-- village each town designates per year. Portable across MySQL 8.4 and MariaDB 10.11/11.4; the unique keys are the
-- rules "one record per household and year" and "one demonstration village per town and year", so two concurrent
-- writers cannot both get past the service's check.

CREATE TABLE courtyard_household (
  id            BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  year          SMALLINT       NOT NULL,
  category      VARCHAR(24)    NOT NULL,
  -- CANDIDATE, APPROVED or REVOKED; CourtyardService keeps the legal order
  status        VARCHAR(12)    NOT NULL,
  -- square metres
  area          DECIMAL(10,2)  NOT NULL,
  -- yuan earned from the courtyard in the year
  income        DECIMAL(12,2)  NOT NULL,
  nominated_by  VARCHAR(64)    NOT NULL,
  -- who approved or revoked it last, and on which day; null while a candidate
  decided_by    VARCHAR(64)    NULL,
  decided_on    DATE           NULL,
  version       INT            NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_courtyard_household_year (household_id, year),
  -- the top-level list (newest year first) and the per-year counts of item 14
  KEY ix_courtyard_year (year, status, id),
  CONSTRAINT fk_courtyard_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_courtyard_area CHECK (area > 0),
  CONSTRAINT ck_courtyard_income CHECK (income >= 0)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE demonstration_village (
  town_code      VARCHAR(12)   NOT NULL,
  year           SMALLINT      NOT NULL,
  village_code   VARCHAR(12)   NOT NULL,
  designated_by  VARCHAR(64)   NOT NULL,
  designated_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (town_code, year),
  KEY ix_demonstration_village (village_code, year),
  CONSTRAINT fk_demonstration_town FOREIGN KEY (town_code) REFERENCES town (code),
  CONSTRAINT fk_demonstration_village FOREIGN KEY (village_code) REFERENCES village (code)
) DEFAULT CHARSET = utf8mb4;
