-- The rows the plans below are asked about: a household from the middle of the code order with loans, and the
-- position where page 10,000 of the household list starts.
SET @h := (SELECT l.household_id FROM loan l ORDER BY l.household_id LIMIT 1 OFFSET 100000);
SET @code := (SELECT code FROM household WHERE id = @h);
SET @deep_code := (SELECT code FROM household ORDER BY code, id LIMIT 1 OFFSET 499949);
SET @deep_id := (SELECT id FROM household WHERE code = @deep_code);

-- household detail, 1/7: the household (HouseholdMapper.selectById), with its risk causes and names of town and village
EXPLAIN SELECT h.id, h.code, t.name, v.name,
  (SELECT GROUP_CONCAT(c.cause ORDER BY c.cause SEPARATOR ',') FROM household_risk_cause c WHERE c.household_id = h.id)
FROM household h LEFT JOIN town t ON t.code = h.town_code LEFT JOIN village v ON v.code = h.village_code
WHERE h.id = @h;

-- household detail, 2/7: members of the household (MemberMapper.selectByHouseholdIds)
EXPLAIN SELECT m.id, m.household_id, h.town_code, m.name
FROM member m JOIN household h ON h.id = m.household_id
WHERE m.household_id IN (@h)
ORDER BY m.household_id, CASE WHEN m.relation = 'HEAD' THEN 0 ELSE 1 END, m.birth_date, m.id;

-- household detail, 3/7: jobs of the members (JobMapper.selectByMemberIds); trainings and certificates alike
EXPLAIN SELECT j.id, j.member_id FROM job j
WHERE j.member_id IN (SELECT id FROM member WHERE household_id = @h)
ORDER BY j.member_id, j.start_date DESC, j.id DESC;

-- household detail, 4/7: measures (MeasureMapper.selectByHouseholdIds); visits and courtyard alike
EXPLAIN SELECT m.id FROM assistance_measure m WHERE m.household_id IN (@h)
ORDER BY m.household_id, m.start_date DESC, m.id DESC;

-- household detail, 5/7: visits (VisitMapper.selectByHouseholdIds)
EXPLAIN SELECT v.id FROM household_visit v WHERE v.household_id IN (@h)
ORDER BY v.household_id, v.visited_on DESC, v.id DESC;

-- household detail, 6/7: loans with their ledger sums (LoanMapper.selectByHouseholdIds)
EXPLAIN SELECT l.id,
  (SELECT COALESCE(SUM(e.amount), 0) FROM loan_event e WHERE e.loan_id = l.id AND e.kind = 'TOP_UP') AS topped_up,
  (SELECT COALESCE(SUM(e.amount), 0) FROM loan_event e WHERE e.loan_id = l.id AND e.kind = 'REPAYMENT') AS repaid,
  (SELECT n.id FROM loan n WHERE n.renewed_from_id = l.id) AS renewed_by_id,
  (SELECT COALESCE(MAX(e.seq), 0) FROM loan_event e WHERE e.loan_id = l.id) AS last_sequence,
  (SELECT MAX(e.occurred_on) FROM loan_event e WHERE e.loan_id = l.id) AS last_event_on
FROM loan l WHERE l.household_id IN (@h) ORDER BY l.household_id, l.issued_on DESC, l.id DESC;

-- household detail, 7/7: loan events (LoanEventMapper.selectByLoanIds)
EXPLAIN SELECT e.id, l.household_id FROM loan_event e JOIN loan l ON l.id = e.loan_id
WHERE e.loan_id IN (SELECT id FROM loan WHERE household_id = @h) ORDER BY e.loan_id, e.seq;

-- list, page 1 (HouseholdMapper.selectPage, code order)
EXPLAIN SELECT h.id, h.code, t.name, v.name
FROM household h LEFT JOIN town t ON t.code = h.town_code LEFT JOIN village v ON v.code = h.village_code
ORDER BY h.code, h.id LIMIT 51;

-- list, page 10,000: the keyset condition as the mapper writes it
EXPLAIN SELECT h.id, h.code, t.name, v.name
FROM household h LEFT JOIN town t ON t.code = h.town_code LEFT JOIN village v ON v.code = h.village_code
WHERE h.code >= @deep_code AND (h.code > @deep_code OR h.id > @deep_id)
ORDER BY h.code, h.id LIMIT 51;

-- partner read (HouseholdMapper.selectByCode)
EXPLAIN SELECT h.id FROM household h LEFT JOIN town t ON t.code = h.town_code LEFT JOIN village v ON v.code = h.village_code
WHERE h.code = @code;

-- recording a visit: the household locked first (HouseholdMapper.lockVersion)
EXPLAIN SELECT h.version FROM household h WHERE h.id = @h FOR UPDATE;

-- county summary, members (DashboardMapper.memberTotals): one pass over member, employment by a probe of the job index
EXPLAIN SELECT SUM(CASE WHEN x.labour_capacity IN ('FULL', 'WEAK') AND x.willing_to_work = TRUE
  AND EXISTS (SELECT 1 FROM job j WHERE j.member_id = x.id AND j.start_date <= '2023-12-31'
    AND (j.end_date IS NULL OR j.end_date >= '2023-12-31')) THEN 1 ELSE 0 END)
FROM member x;

-- county summary, jobs held by type (DashboardMapper.jobs): ix_job_type_member in group order, then the member
EXPLAIN SELECT j.type, COUNT(DISTINCT j.member_id) FROM job j JOIN member x ON x.id = j.member_id
WHERE j.start_date <= '2023-12-31' AND (j.end_date IS NULL OR j.end_date >= '2023-12-31')
  AND x.labour_capacity IN ('FULL', 'WEAK') AND x.willing_to_work = TRUE
GROUP BY j.type;

-- county summary, certified members (DashboardMapper.certifiedTotals): first certificates, then the member
EXPLAIN SELECT COUNT(*) FROM (SELECT member_id, MIN(issued_on) AS first_issued FROM certificate
    WHERE issued_on <= '2023-12-31' GROUP BY member_id) c
  JOIN member x ON x.id = c.member_id
WHERE x.labour_capacity IN ('FULL', 'WEAK');

-- county summary, measures (DashboardMapper.measureCube): ix_measure_cube alone
EXPLAIN SELECT CONCAT(x.category, '/', x.status), COUNT(*), SUM(x.amount) FROM assistance_measure x
WHERE x.start_date <= '2023-12-31' GROUP BY x.category, x.status;

-- county summary, sales (DashboardMapper.sales): no seller join at county level, ix_sale_month_channel_amount alone
EXPLAIN SELECT CONCAT(x.month, '/', x.channel), COUNT(*), SUM(x.amount) FROM sale x
WHERE x.month BETWEEN '2023-01' AND '2023-12' GROUP BY 1;

-- county summary, visits (DashboardMapper.visitWeeks): ix_visit_date_cadre alone
EXPLAIN SELECT DATE_FORMAT(DATE_SUB(x.visited_on, INTERVAL WEEKDAY(x.visited_on) DAY), '%Y-%m-%d'),
  COUNT(DISTINCT x.cadre)
FROM household_visit x WHERE x.visited_on BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY 1;
