-- Idempotency keys (one row per caller and key, written in the same transaction as the write it guards)
-- and the audit trail of every write (append-only: the API never updates or deletes it).

CREATE TABLE idempotency_key (
  caller        VARCHAR(64)   NOT NULL,
  idem_key      VARCHAR(128)  NOT NULL,
  request_hash  CHAR(64)      NOT NULL,
  response      MEDIUMTEXT    NULL,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (caller, idem_key),
  KEY ix_idempotency_created (created_at)
) DEFAULT CHARSET = utf8mb4;

CREATE TABLE audit_log (
  id               BIGINT        NOT NULL,
  occurred_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  actor            VARCHAR(64)   NOT NULL,
  actor_roles      VARCHAR(200)  NOT NULL,
  operation        VARCHAR(64)   NOT NULL,
  entity_type      VARCHAR(64)   NOT NULL,
  entity_id        BIGINT        NULL,
  before_state     MEDIUMTEXT    NULL,
  after_state      MEDIUMTEXT    NULL,
  idempotency_key  VARCHAR(128)  NULL,
  PRIMARY KEY (id),
  KEY ix_audit_entity (entity_type, entity_id),
  KEY ix_audit_actor (actor, occurred_at),
  KEY ix_audit_time (occurred_at)
) DEFAULT CHARSET = utf8mb4;
