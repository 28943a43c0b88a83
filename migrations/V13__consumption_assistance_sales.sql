-- Consumption assistance (消费帮扶, item 17 of the work plan): the sellers of farm products, what they sold each
-- month through which channel, their monthly reports, and the amendments made to sales after a report went in.
-- A seller is an enterprise, a cooperative or a household; only a household seller points at a household.

CREATE TABLE seller (
  id                    BIGINT        NOT NULL,
  kind                  VARCHAR(12)   NOT NULL,
  name                  VARCHAR(100)  NOT NULL,
  town_code             VARCHAR(12)   NOT NULL,
  village_code          VARCHAR(12)   NULL,
  household_id          BIGINT        NULL,
  -- supplier id on the agricultural purchase platform (农购网), where the seller is registered there
  platform_supplier_id  VARCHAR(32)   NULL,
  -- monthly reports are due from this month on
  registered_on         DATE          NOT NULL,
  registered_by         VARCHAR(64)   NOT NULL,
  version               INT           NOT NULL DEFAULT 0,
  created_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at            TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- unique where present: both MySQL and MariaDB let many rows hold NULL in a unique key
  UNIQUE KEY uk_seller_platform_supplier (platform_supplier_id),
  UNIQUE KEY uk_seller_household (household_id),
  KEY ix_seller_town (town_code, village_code),
  KEY ix_seller_name (name, id),
  CONSTRAINT fk_seller_town FOREIGN KEY (town_code) REFERENCES town (code),
  CONSTRAINT fk_seller_village FOREIGN KEY (village_code) REFERENCES village (code),
  CONSTRAINT fk_seller_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_seller_household CHECK ((kind = 'HOUSEHOLD') = (household_id IS NOT NULL))
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE sale (
  id                     BIGINT         NOT NULL,
  seller_id              BIGINT         NOT NULL,
  product                VARCHAR(100)   NOT NULL,
  category               VARCHAR(24)    NOT NULL,
  channel                VARCHAR(24)    NOT NULL,
  -- YYYY-MM
  month                  CHAR(7)        NOT NULL,
  quantity               DECIMAL(14,3)  NOT NULL,
  unit                   VARCHAR(16)    NOT NULL,
  amount                 DECIMAL(14,2)  NOT NULL,
  households_benefiting  INT            NOT NULL,
  recorded_by            VARCHAR(64)    NOT NULL,
  version                INT            NOT NULL DEFAULT 0,
  created_at             TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at             TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_sale_seller_month (seller_id, month),
  KEY ix_sale_month (month, id),
  KEY ix_sale_month_channel (month, channel),
  CONSTRAINT fk_sale_seller FOREIGN KEY (seller_id) REFERENCES seller (id),
  CONSTRAINT ck_sale_amount CHECK (amount > 0 AND quantity > 0 AND households_benefiting >= 0)
) DEFAULT CHARSET = utf8mb4;

-- A seller's report for a month, once submitted; no row means not submitted. The totals are those submitted.
CREATE TABLE sales_report (
  seller_id             BIGINT         NOT NULL,
  month                 CHAR(7)        NOT NULL,
  submitted_sale_count  INT            NOT NULL,
  submitted_amount      DECIMAL(16,2)  NOT NULL,
  submitted_by          VARCHAR(64)    NOT NULL,
  submitted_at          TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (seller_id, month),
  KEY ix_sales_report_month (month, seller_id),
  CONSTRAINT fk_sales_report_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
) DEFAULT CHARSET = utf8mb4;

-- Append-only: a change to a sale of a submitted month (or a sale added to one), with why, who, when, and the
-- sale's fields before (all null for an added sale) and after.
CREATE TABLE sale_amendment (
  id                            BIGINT         NOT NULL,
  sale_id                       BIGINT         NOT NULL,
  reason                        VARCHAR(500)   NOT NULL,
  amended_by                    VARCHAR(64)    NOT NULL,
  amended_at                    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  before_product                VARCHAR(100)   NULL,
  before_category               VARCHAR(24)    NULL,
  before_channel                VARCHAR(24)    NULL,
  before_month                  CHAR(7)        NULL,
  before_quantity               DECIMAL(14,3)  NULL,
  before_unit                   VARCHAR(16)    NULL,
  before_amount                 DECIMAL(14,2)  NULL,
  before_households_benefiting  INT            NULL,
  after_product                 VARCHAR(100)   NOT NULL,
  after_category                VARCHAR(24)    NOT NULL,
  after_channel                 VARCHAR(24)    NOT NULL,
  after_month                   CHAR(7)        NOT NULL,
  after_quantity                DECIMAL(14,3)  NOT NULL,
  after_unit                    VARCHAR(16)    NOT NULL,
  after_amount                  DECIMAL(14,2)  NOT NULL,
  after_households_benefiting   INT            NOT NULL,
  PRIMARY KEY (id),
  KEY ix_sale_amendment_sale (sale_id, amended_at),
  CONSTRAINT fk_sale_amendment_sale FOREIGN KEY (sale_id) REFERENCES sale (id)
) DEFAULT CHARSET = utf8mb4;
