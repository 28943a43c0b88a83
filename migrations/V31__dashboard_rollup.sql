-- The dashboard's rollup (docs/dashboard.md, "Rollup"): each large statement's figures per town, so that a county
-- summary adds up a few hundred stored towns instead of reading every household, member, job, loan and visit.
--
-- dashboard_area_version counts the committed writes per town and statement: every audited write increments the
-- rows of the towns it touched in its own transaction (area_code '*' is the epoch, incremented for writes the API
-- cannot place in a town and after bulk loads). A stored rollup is current while the town's version and the epoch
-- are still the ones it was computed under; otherwise it is computed again, for that town alone.
CREATE TABLE dashboard_area_version (
  area_code  VARCHAR(12) NOT NULL,
  statement  VARCHAR(16) NOT NULL,
  version    BIGINT      NOT NULL,
  PRIMARY KEY (area_code, statement)
);

-- params: a hash of every parameter that changes the rows apart from the area (the period, the day states are
-- judged on, the plan's thresholds); figures: the town's rows, one "area TAB figure TAB key TAB count TAB amount"
-- per line. as_of and period_to let the nightly purge drop rows of a current period computed on an earlier day,
-- which no request can ask for again. The key leads with params, a hash, so that on a distributed engine the
-- writes spread over the key space.
CREATE TABLE dashboard_rollup (
  params        CHAR(64)    NOT NULL,
  statement     VARCHAR(16) NOT NULL,
  area_code     VARCHAR(12) NOT NULL,
  version       BIGINT      NOT NULL,
  epoch         BIGINT      NOT NULL,
  as_of         DATE        NOT NULL,
  period_to     DATE        NOT NULL,
  computed_at   DATETIME(3) NOT NULL,
  figures       MEDIUMTEXT  NOT NULL,
  PRIMARY KEY (params, statement, area_code)
);
