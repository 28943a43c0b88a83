-- Assistance measures (帮扶措施, item 4 of the work plan) and the visits of assistance day (帮扶日, item 21).
-- Portable across MySQL 8.4 and MariaDB 10.11/11.4: CHECK constraints are enforced by both; the services check the
-- same rules first so that a refusal names the input field. The foreign keys to household have no cascade: a
-- household with recorded help cannot disappear with the record of it.

CREATE TABLE assistance_measure (
  id                      BIGINT         NOT NULL,
  household_id            BIGINT         NOT NULL,
  category                VARCHAR(24)    NOT NULL,
  description             VARCHAR(500)   NOT NULL,
  responsible_department  VARCHAR(64)    NOT NULL,
  start_date              DATE           NOT NULL,
  end_date                DATE           NULL,
  -- PLANNED, IN_PROGRESS, COMPLETED or CANCELLED; MeasureService keeps the legal order
  status                  VARCHAR(12)    NOT NULL,
  -- yuan; null for help that moves no money (a referral, a training place)
  amount                  DECIMAL(12,2)  NULL,
  recorded_by             VARCHAR(64)    NOT NULL,
  version                 INT            NOT NULL DEFAULT 0,
  created_at              TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at              TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- Household.measures, and "monitored households with no open measure" (item 4) as an index-only probe
  KEY ix_measure_household (household_id, status, start_date),
  -- the top-level list: newest start first
  KEY ix_measure_start (start_date, id),
  KEY ix_measure_category (category, status),
  CONSTRAINT fk_measure_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_measure_dates CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_measure_amount CHECK (amount IS NULL OR amount >= 0)
) DEFAULT CHARSET = utf8mb4;

-- Append-only: a visit is a record of something that happened.
CREATE TABLE household_visit (
  id            BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  -- who visited: the recording user's username unless another cadre is named
  cadre         VARCHAR(64)    NOT NULL,
  visited_on    DATE           NOT NULL,
  notes         VARCHAR(2000)  NULL,
  follow_up     VARCHAR(500)   NULL,
  follow_up_on  DATE           NULL,
  recorded_by   VARCHAR(64)    NOT NULL,
  recorded_at   TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_visit_household (household_id, visited_on),
  -- the top-level list, newest first, and visits per cadre and week (item 21)
  KEY ix_visit_date (visited_on, id),
  KEY ix_visit_cadre (cadre, visited_on),
  CONSTRAINT fk_visit_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_visit_follow_up CHECK (follow_up_on IS NULL OR follow_up_on >= visited_on)
) DEFAULT CHARSET = utf8mb4;
