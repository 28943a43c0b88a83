-- Safe drinking water (饮水安全, item 9 of the work plan): supply points per village, their monthly facility checks
-- and twice-yearly water-quality tests, and each household's supply point. A point's state (safe, last checked) is
-- derived from its newest check and newest test; household.water_safe and household.water_checked_on are derived from
-- the point's state (WaterService keeps both in the writing transaction).

CREATE TABLE water_supply_point (
  id                 BIGINT        NOT NULL,
  town_code          VARCHAR(12)   NOT NULL,
  village_code       VARCHAR(12)   NOT NULL,
  name               VARCHAR(100)  NOT NULL,
  -- CENTRALIZED, SMALL_CENTRALIZED, WELL or CISTERN
  kind               VARCHAR(20)   NOT NULL,
  population_served  INT           NOT NULL,
  -- derived: null until both a facility check and a quality test exist; false when either newest one failed
  safe               BOOLEAN       NULL,
  last_checked_on    DATE          NULL,
  last_tested_on     DATE          NULL,
  recorded_by        VARCHAR(64)   NOT NULL,
  version            INT           NOT NULL DEFAULT 0,
  created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_water_point_village (village_code, id),
  KEY ix_water_point_town (town_code, village_code, id),
  CONSTRAINT fk_water_point_town FOREIGN KEY (town_code) REFERENCES town (code),
  CONSTRAINT fk_water_point_village FOREIGN KEY (village_code) REFERENCES village (code),
  CONSTRAINT ck_water_point_population CHECK (population_served >= 0)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE water_check (
  id           BIGINT        NOT NULL,
  point_id     BIGINT        NOT NULL,
  -- FACILITY_CHECK (monthly) or QUALITY_TEST (twice a year)
  kind         VARCHAR(16)   NOT NULL,
  checked_on   DATE          NOT NULL,
  passed       BOOLEAN       NOT NULL,
  findings     VARCHAR(500)  NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  created_at   TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- the newest check and the newest test of a point: the last entries of its two ranges
  KEY ix_water_check_point (point_id, kind, checked_on, id),
  CONSTRAINT fk_water_check_point FOREIGN KEY (point_id) REFERENCES water_supply_point (id)
) DEFAULT CHARSET = utf8mb4;

ALTER TABLE household ADD COLUMN water_point_id BIGINT NULL;
ALTER TABLE household ADD KEY ix_household_water_point (water_point_id, id);
ALTER TABLE household ADD CONSTRAINT fk_household_water_point FOREIGN KEY (water_point_id) REFERENCES water_supply_point (id);
