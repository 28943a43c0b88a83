-- Housing safety (住房安全, item 8 of the work plan): every inspection as a record, and the renovation projects
-- (危房改造) of the six priority groups. household.housing_grade and household.housing_inspected_on are derived
-- from the latest inspection (HousingService keeps them in the writing transaction).

CREATE TABLE housing_inspection (
  id            BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  inspected_on  DATE          NOT NULL,
  -- who inspected, as written on the inspection form
  inspector     VARCHAR(64)   NOT NULL,
  -- A, B, C or D (安全性鉴定等级)
  grade         CHAR(1)       NOT NULL,
  findings      VARCHAR(500)  NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- the latest inspection of a household: the last entry of its range
  KEY ix_housing_inspection_household (household_id, inspected_on, id),
  KEY ix_housing_inspection_grade (grade, inspected_on),
  CONSTRAINT fk_housing_inspection_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_housing_inspection_grade CHECK (grade IN ('A', 'B', 'C', 'D'))
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE renovation_project (
  id              BIGINT         NOT NULL,
  household_id    BIGINT         NOT NULL,
  -- one of the six priority groups (六类重点对象)
  priority_group  VARCHAR(32)    NOT NULL,
  -- PLANNED, APPROVED, UNDER_CONSTRUCTION, COMPLETED or CANCELLED; HousingService keeps the legal order
  status          VARCHAR(20)    NOT NULL,
  description     VARCHAR(200)   NOT NULL,
  -- yuan of subsidy granted; null until known
  subsidy         DECIMAL(12,2)  NULL,
  planned_on      DATE           NOT NULL,
  -- the day of the latest status change, and who made it
  status_on       DATE           NOT NULL,
  status_by       VARCHAR(64)    NOT NULL,
  completed_on    DATE           NULL,
  recorded_by     VARCHAR(64)    NOT NULL,
  version         INT            NOT NULL DEFAULT 0,
  created_at      TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at      TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_renovation_household (household_id, status),
  KEY ix_renovation_status (status, planned_on),
  CONSTRAINT fk_renovation_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_renovation_subsidy CHECK (subsidy IS NULL OR subsidy >= 0)
) DEFAULT CHARSET = utf8mb4;
