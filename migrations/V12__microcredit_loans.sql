-- Microcredit loans (扶贫小额信贷, item 16 of the work plan) and the ledger of their events.
-- The loan row stores the outstanding balance so that lists and sums need no aggregation; loan_event is the ledger
-- it must always agree with: balance = amount_issued + top-ups - repayments - the balance carried into a renewal.
-- The service keeps the two in step under a row lock; the CHECKs stop a negative balance whatever writes it.
--
-- status holds what was recorded: ACTIVE, EXTENDED, REPAID or RENEWED, never OVERDUE. A loan reads as OVERDUE when
-- it is still open (ACTIVE or EXTENDED) with a balance past its maturity date; that is computed against today on
-- every read (LoanMapper.xml), not by a nightly job. A stored ACTIVE past maturity is what the data screening of
-- item 3 reports as "loan past maturity still active".

CREATE TABLE loan (
  id                BIGINT         NOT NULL,
  household_id      BIGINT         NOT NULL,
  borrower_id       BIGINT         NOT NULL,
  bank              VARCHAR(64)    NOT NULL,
  contract_number   VARCHAR(40)    NOT NULL,
  amount_issued     DECIMAL(12,2)  NOT NULL,
  issued_on         DATE           NOT NULL,
  term_months       SMALLINT       NOT NULL,
  -- issued_on + term_months, moved forward by extensions
  maturity_date     DATE           NOT NULL,
  interest_subsidy  DECIMAL(12,2)  NOT NULL DEFAULT 0,
  purpose           VARCHAR(200)   NOT NULL,
  status            VARCHAR(12)    NOT NULL,
  balance           DECIMAL(12,2)  NOT NULL,
  -- the loan this one renewed (续贷); a loan is renewed at most once
  renewed_from_id   BIGINT         NULL,
  recorded_by       VARCHAR(64)    NOT NULL,
  version           INT            NOT NULL DEFAULT 0,
  created_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at        TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_loan_contract (bank, contract_number),
  UNIQUE KEY uk_loan_renewed_from (renewed_from_id),
  KEY ix_loan_household (household_id, issued_on),
  KEY ix_loan_borrower (borrower_id),
  KEY ix_loan_maturity (maturity_date, id),
  KEY ix_loan_status_maturity (status, maturity_date),
  CONSTRAINT fk_loan_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT fk_loan_borrower FOREIGN KEY (borrower_id) REFERENCES member (id),
  CONSTRAINT fk_loan_renewed_from FOREIGN KEY (renewed_from_id) REFERENCES loan (id),
  CONSTRAINT ck_loan_balance CHECK (balance >= 0),
  CONSTRAINT ck_loan_amount CHECK (amount_issued > 0),
  CONSTRAINT ck_loan_term CHECK (term_months >= 1)
) DEFAULT CHARSET = utf8mb4;

-- Append-only: one row per ISSUE, REPAYMENT, RENEWAL, EXTENSION or TOP_UP, numbered per loan in the order written.
CREATE TABLE loan_event (
  id              BIGINT         NOT NULL,
  loan_id         BIGINT         NOT NULL,
  seq             INT            NOT NULL,
  kind            VARCHAR(12)    NOT NULL,
  occurred_on     DATE           NOT NULL,
  -- null for an extension, which moves no money
  amount          DECIMAL(12,2)  NULL,
  balance_after   DECIMAL(12,2)  NOT NULL,
  maturity_after  DATE           NOT NULL,
  note            VARCHAR(500)   NULL,
  recorded_by     VARCHAR(64)    NOT NULL,
  recorded_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  UNIQUE KEY uk_loan_event_seq (loan_id, seq),
  KEY ix_loan_event_kind (kind, occurred_on),
  CONSTRAINT fk_loan_event_loan FOREIGN KEY (loan_id) REFERENCES loan (id),
  CONSTRAINT ck_loan_event_balance CHECK (balance_after >= 0),
  CONSTRAINT ck_loan_event_amount CHECK (amount IS NULL OR amount > 0)
) DEFAULT CHARSET = utf8mb4;
