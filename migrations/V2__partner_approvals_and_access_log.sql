-- The fields each partner agency may read (approved by the county) and the log of what partners read (PIPL).

CREATE TABLE partner_field_approval (
  partner_id   VARCHAR(64)   NOT NULL,
  type_name    VARCHAR(64)   NOT NULL,
  field_name   VARCHAR(64)   NOT NULL,
  approved_by  VARCHAR(64)   NOT NULL,
  approved_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (partner_id, type_name, field_name)
) DEFAULT CHARSET = utf8mb4;

-- Append-only: the API inserts and reads, never updates or deletes.
CREATE TABLE partner_access_log (
  id             BIGINT        NOT NULL,
  partner_id     VARCHAR(64)   NOT NULL,
  accessed_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  operation      VARCHAR(128)  NULL,
  household_ids  MEDIUMTEXT    NOT NULL,
  fields         TEXT          NOT NULL,
  PRIMARY KEY (id),
  KEY ix_partner_access_partner (partner_id, accessed_at),
  KEY ix_partner_access_time (accessed_at)
) DEFAULT CHARSET = utf8mb4;
