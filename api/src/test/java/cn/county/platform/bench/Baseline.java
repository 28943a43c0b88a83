package cn.county.platform.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.CountyPlatformApplication;
import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.SqlStatementCounter;
import cn.county.platform.courtyard.CourtyardHouseholdMapper;
import cn.county.platform.dashboard.AreaLevel;
import cn.county.platform.dashboard.Dashboard;
import cn.county.platform.dashboard.DashboardService;
import cn.county.platform.screening.ScreeningService;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdFilter;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberMapper;
import cn.county.platform.job.CertificateMapper;
import cn.county.platform.job.JobMapper;
import cn.county.platform.job.TrainingMapper;
import cn.county.platform.loan.Loan;
import cn.county.platform.loan.LoanEventMapper;
import cn.county.platform.loan.LoanMapper;
import cn.county.platform.measure.MeasureMapper;
import cn.county.platform.measure.Visit;
import cn.county.platform.measure.VisitMapper;
import cn.county.platform.partner.PartnerService;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;
import cn.county.platform.security.Scope;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same rows the HTTP scenarios ask for, fetched in this JVM through the application's
 * own MyBatis mappers (the application context booted beside the load generator, its web
 * server idle), in the order the GraphQL batch loaders fetch them: what the data costs
 * without HTTP, JSON, tokens and GraphQL. The county summary goes through the dashboard's
 * service, which is where its statements and their cache live.
 */
final class Baseline implements AutoCloseable {

	static final Caller ADMIN = new Caller("bench", "county.admin", Set.of(Role.COUNTY_ADMIN), null, null, null, null);

	private static final List<String> SECTIONS = List.of("households", "basicNeeds", "measures", "employment",
			"certification", "loans", "sales", "courtyard", "visits");

	private final ConfigurableApplicationContext context;

	private final HouseholdMapper households;

	private final MemberMapper members;

	private final JobMapper jobs;

	private final TrainingMapper trainings;

	private final CertificateMapper certificates;

	private final MeasureMapper measures;

	private final VisitMapper visits;

	private final CourtyardHouseholdMapper courtyard;

	private final LoanMapper loans;

	private final LoanEventMapper loanEvents;

	private final PartnerService partners;

	private final DashboardService dashboards;

	private final ScreeningService screening;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final IdGenerator ids = IdGenerator.system();

	private final SqlStatementCounter statements;

	Baseline(Map<String, Object> properties) {
		// the security configuration needs the servlet stack, so the context gets an idle
		// server on a free port;
		// nothing here goes through it
		Map<String, Object> all = new java.util.LinkedHashMap<>(properties);
		all.put("server.port", "0");
		// first among the property sources: builder properties are only defaults, below
		// application.yml
		this.context = new SpringApplicationBuilder(CountyPlatformApplication.class).web(WebApplicationType.SERVLET)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("bench", all)))
			.run();
		this.households = bean(HouseholdMapper.class);
		this.members = bean(MemberMapper.class);
		this.jobs = bean(JobMapper.class);
		this.trainings = bean(TrainingMapper.class);
		this.certificates = bean(CertificateMapper.class);
		this.measures = bean(MeasureMapper.class);
		this.visits = bean(VisitMapper.class);
		this.courtyard = bean(CourtyardHouseholdMapper.class);
		this.loans = bean(LoanMapper.class);
		this.loanEvents = bean(LoanEventMapper.class);
		this.partners = bean(PartnerService.class);
		this.dashboards = bean(DashboardService.class);
		this.screening = bean(ScreeningService.class);
		this.audit = bean(AuditTrail.class);
		this.transaction = new TransactionTemplate(
				bean(org.springframework.transaction.PlatformTransactionManager.class));
		this.statements = bean(SqlStatementCounter.class);
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	long sqlStatements() {
		return this.statements.count();
	}

	/**
	 * The household detail: the household, then one statement per nested list, as the
	 * batch loaders send them.
	 */
	boolean detail(long id) {
		Household household = this.households.selectById(id, Scope.COUNTY);
		if (household == null) {
			return false;
		}
		List<Long> householdIds = List.of(id);
		List<Member> memberRows = this.members.selectByHouseholdIds(householdIds);
		List<Long> memberIds = memberRows.stream().map(Member::id).toList();
		if (!memberIds.isEmpty()) {
			this.jobs.selectByMemberIds(memberIds);
			this.trainings.selectByMemberIds(memberIds);
			this.certificates.selectByMemberIds(memberIds);
		}
		this.measures.selectByHouseholdIds(householdIds, List.of());
		this.visits.selectByHouseholdIds(householdIds);
		this.courtyard.selectByHouseholdIds(householdIds);
		List<Loan> loanRows = this.loans.selectByHouseholdIds(householdIds, LocalDate.now());
		if (!loanRows.isEmpty()) {
			this.members.selectByHouseholdIds(householdIds);
			this.loanEvents.selectByLoanIds(loanRows.stream().map(Loan::id).toList());
		}
		return true;
	}

	/**
	 * One page of households in code order after the given position, with the members of
	 * the page.
	 */
	boolean listPage(String afterCode, Long afterId, int size) {
		List<Household> page = this.households.selectPage(HouseholdFilter.NONE, Scope.COUNTY, "h.code", false,
				afterCode, afterId, size + 1);
		if (page.isEmpty()) {
			return false;
		}
		this.members.selectByHouseholdIds(page.stream().limit(size).map(Household::id).toList());
		return true;
	}

	/**
	 * A partner's read: its approved fields, the household, and the access-log row the
	 * API writes for it.
	 */
	boolean partnerRead(String partnerId, String code, String operation, Set<String> fields) {
		this.partners.approvedFields(partnerId);
		Household household = this.households.selectByCode(code, Scope.COUNTY);
		if (household == null) {
			return false;
		}
		this.partners.logAccess(partnerId, operation, Set.of(household.id()), fields);
		return true;
	}

	/**
	 * Every county figure of the year, through the dashboard's statements and its cache.
	 */
	boolean countySummary(int year) {
		Dashboard dashboard = this.dashboards.open(ADMIN, year, null, null, true, null, null);
		this.dashboards.prefetch(dashboard, AreaLevel.COUNTY, SECTIONS);
		Dashboard.AreaFigures figures = this.dashboards.figures(dashboard);
		this.dashboards.households(figures);
		this.dashboards.basicNeeds(figures);
		this.dashboards.measures(figures);
		this.dashboards.employment(figures);
		this.dashboards.certification(figures);
		this.dashboards.loans(figures);
		this.dashboards.sales(figures);
		this.dashboards.courtyard(figures);
		this.dashboards.visits(figures);
		return true;
	}

	/** The county's data-quality counts, through the screening service and its cache. */
	boolean qualityCounts() {
		return this.screening.counts(ADMIN, null, null) != null;
	}

	/**
	 * A visit recorded as the API records it: lock the household, insert, read back,
	 * audit, in one transaction.
	 */
	boolean recordVisit(long householdId, String notes) {
		Boolean done = this.transaction.execute((status) -> {
			if (this.households.lockVersion(householdId, Scope.COUNTY) == null) {
				return false;
			}
			long id = this.ids.nextId();
			this.visits.insert(new Visit(id, householdId, ADMIN.username(), LocalDate.now(), notes, null, null,
					ADMIN.username(), null));
			Visit recorded = this.visits.selectById(id);
			this.audit.record(ADMIN, "recordVisit", "Visit", id, null, recorded);
			return true;
		});
		return Boolean.TRUE.equals(done);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
