-- Line departments' own records, with their history (issue 16, items 2, 3 and 6): education, medical care and
-- disability services. Each record names its member and, for the row scope and the dashboard's rollup, the
-- member's household. member.schooling, member.health and member.disability_grade stay the current values the
-- dashboard and the screening read; the services keep them in step with these records in the writing transaction.

-- A member's schooling as a history of status changes (ENROLLED, TRANSFERRED, DROPPED_OUT, RETURNED, DEFERRED,
-- HOME_TAUGHT); the newest (effective_on, id) is the member's current schooling.
CREATE TABLE schooling_record (
  id            BIGINT        NOT NULL,
  member_id     BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  -- COMPULSORY, HIGH_SCHOOL, VOCATIONAL or COLLEGE; null for DROPPED_OUT
  level         VARCHAR(16)   NULL,
  school        VARCHAR(100)  NULL,
  effective_on  DATE          NOT NULL,
  note          VARCHAR(200)  NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  version       INT           NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  -- a member's history in order, and its newest record
  KEY ix_schooling_member (member_id, effective_on, id),
  KEY ix_schooling_household (household_id, id),
  CONSTRAINT fk_schooling_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Education aid granted to a member (kind, amount, school year and term).
CREATE TABLE education_aid (
  id            BIGINT         NOT NULL,
  member_id     BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  kind          VARCHAR(24)    NOT NULL,
  amount        DECIMAL(12,2)  NOT NULL,
  -- the school year by its first calendar year (2023 for 2023-2024) and the term, 1 (autumn) or 2 (spring)
  school_year   SMALLINT       NOT NULL,
  term          TINYINT        NOT NULL,
  granted_on    DATE           NOT NULL,
  recorded_by   VARCHAR(64)    NOT NULL,
  version       INT            NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_education_aid_term (member_id, kind, school_year, term),
  KEY ix_education_aid_household (household_id, id),
  CONSTRAINT fk_education_aid_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Insurance enrolment per member, year and scheme, with the premium and the government's share of it.
CREATE TABLE insurance_enrolment (
  id                BIGINT         NOT NULL,
  member_id         BIGINT         NOT NULL,
  household_id      BIGINT         NOT NULL,
  year              SMALLINT       NOT NULL,
  -- BASIC, SERIOUS_ILLNESS or MEDICAL_ASSISTANCE
  scheme            VARCHAR(24)    NOT NULL,
  premium           DECIMAL(10,2)  NOT NULL,
  -- the part of the premium the government paid; the member paid the rest
  government_share  DECIMAL(10,2)  NOT NULL,
  enrolled_on       DATE           NOT NULL,
  recorded_by       VARCHAR(64)    NOT NULL,
  version           INT            NOT NULL DEFAULT 0,
  created_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_insurance_member_year (member_id, year, scheme),
  KEY ix_insurance_household (household_id, id),
  CONSTRAINT fk_insurance_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Chronic (门诊慢性病) and special (门诊特殊病) illness identifications; ended_on set when one no longer holds.
CREATE TABLE illness_identification (
  id             BIGINT        NOT NULL,
  member_id      BIGINT        NOT NULL,
  household_id   BIGINT        NOT NULL,
  -- CHRONIC or SPECIAL
  kind           VARCHAR(8)    NOT NULL,
  disease        VARCHAR(64)   NOT NULL,
  identified_on  DATE          NOT NULL,
  ended_on       DATE          NULL,
  recorded_by    VARCHAR(64)   NOT NULL,
  version        INT           NOT NULL DEFAULT 0,
  created_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at     TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_illness_member (member_id, identified_on, id),
  KEY ix_illness_household (household_id, id),
  CONSTRAINT fk_illness_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Family-doctor contracts (家庭医生签约), one a member per period.
CREATE TABLE family_doctor_contract (
  id            BIGINT        NOT NULL,
  member_id     BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  doctor        VARCHAR(64)   NOT NULL,
  clinic        VARCHAR(100)  NOT NULL,
  signed_on     DATE          NOT NULL,
  ends_on       DATE          NOT NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  version       INT           NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_doctor_member (member_id, signed_on, id),
  KEY ix_doctor_household (household_id, id),
  CONSTRAINT fk_doctor_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Disability certificates (残疾人证): kind, grade 1-4, issue date; revoked_on when withdrawn or replaced.
CREATE TABLE disability_certificate (
  id            BIGINT        NOT NULL,
  member_id     BIGINT        NOT NULL,
  household_id  BIGINT        NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  grade         TINYINT       NOT NULL,
  issued_on     DATE          NOT NULL,
  revoked_on    DATE          NULL,
  recorded_by   VARCHAR(64)   NOT NULL,
  version       INT           NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_disability_member (member_id, issued_on, id),
  KEY ix_disability_household (household_id, id),
  CONSTRAINT fk_disability_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;

-- Services of the disabled persons' federation: home adaptations, assistive devices, rehabilitation for children.
CREATE TABLE disability_service (
  id            BIGINT         NOT NULL,
  member_id     BIGINT         NOT NULL,
  household_id  BIGINT         NOT NULL,
  kind          VARCHAR(24)    NOT NULL,
  description   VARCHAR(200)   NOT NULL,
  provided_on   DATE           NOT NULL,
  amount        DECIMAL(12,2)  NULL,
  recorded_by   VARCHAR(64)    NOT NULL,
  version       INT            NOT NULL DEFAULT 0,
  created_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at    TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY ix_disability_service_member (member_id, provided_on, id),
  KEY ix_disability_service_household (household_id, id),
  CONSTRAINT fk_disability_service_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) DEFAULT CHARSET = utf8mb4;
