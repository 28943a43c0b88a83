package cn.county.platform.exchange.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.DomainException;
import cn.county.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The dashboard broken down by town or village, one GraphQL request per town, so that
 * each request stays within the cost limit however many villages the county has (a
 * county-wide village breakdown of every figure would not): by town,
 * {@code dashboard(town: T) { figures }} for each town of the caller's area; by village,
 * {@code dashboard(town: T) { breakdown(by: VILLAGE) }} for each (a village cadre: its
 * own village's figures). The towns come from the dashboard itself ({@code breakdown(by:
 * TOWN) { area { code } }}), which every caller who may read the dashboard reads. Small
 * cells are decided over a whole town whatever a request asks for (see
 * {@code SmallCells}), so a dashboard viewer's file withholds exactly the cells its
 * dashboard does.
 */
final class DashboardPages implements Exporter.Pages {

	/** The figures of one area, as columns. */
	static final List<Column> COLUMNS = List.of(Column.label("区域级别", "area.level", Labels.AREA_LEVEL),
			Column.text("区域代码", "area.code"), Column.text("区域名称", "area.name"),
			Column.number("农户数", "households.total.count"),
			Column.number("脱贫户数", "households.byCategory[ALLEVIATED].count"),
			Column.number("监测对象户数", "households.byCategory[MONITORED].count"),
			Column.number("脱贫不稳定户", "households.byMonitoringType[UNSTABLE_ALLEVIATED].count"),
			Column.number("边缘易致贫户", "households.byMonitoringType[MARGINAL].count"),
			Column.number("突发严重困难户", "households.byMonitoringType[SUDDEN_HARDSHIP].count"),
			Column.number("风险已消除户数", "households.byRiskStatus[ELIMINATED].count"),
			Column.number("风险未消除户数", "households.byRiskStatus[NOT_ELIMINATED].count"),
			Column.number("新识别监测对象", "households.newlyIdentified.count"),
			Column.number("本期消除风险", "households.riskEliminated.count"),
			Column.number("义务教育阶段未在校", "basicNeeds.schoolAgeNotInSchool.count"),
			Column.number("住房C级D级户数", "basicNeeds.housingUnsafe.count"),
			Column.number("住房核查逾期户数", "basicNeeds.housingInspectionOverdue.count"),
			Column.number("饮水不安全户数", "basicNeeds.waterUnsafe.count"),
			Column.number("饮水核查逾期户数", "basicNeeds.waterCheckOverdue.count"),
			Column.number("风险未消除且无在帮措施户数", "measures.atRiskWithoutOpenMeasure.count"),
			Column.number("有劳动能力有务工意愿人数", "employment.ableAndWilling.count"),
			Column.number("已就业人数", "employment.employed.count"), Column.number("就业率", "employment.rate"),
			Column.number("劳动力人数", "certification.labourForce.count"),
			Column.number("持证人数", "certification.certified.count"), Column.number("持证率", "certification.rate"),
			Column.number("小额信贷笔数", "loans.loans.count"), Column.number("小额信贷发放金额(元)", "loans.loans.amount"),
			Column.number("贷款余额笔数", "loans.outstanding.count"), Column.number("贷款余额(元)", "loans.outstanding.amount"),
			Column.number("逾期笔数", "loans.overdue.count"), Column.number("逾期金额(元)", "loans.overdue.amount"),
			Column.number("消费帮扶销售笔数", "sales.yearToDate.count"), Column.number("消费帮扶销售额(元)", "sales.yearToDate.amount"),
			Column.number("庭院经济示范户", "courtyard.approvedHouseholds.count"),
			Column.number("庭院经济候选户", "courtyard.candidates.count"), Column.number("走访次数", "visits.visits.count"),
			Column.number("周二走访次数", "visits.onTuesday.count"));

	private static final String OPERATION = "export_dashboard";

	private final GraphQlPages graphQl;

	private final HttpServletRequest request;

	private final Map<String, Object> variables;

	private final String selection;

	private final boolean byVillage;

	private final Caller caller;

	private Deque<String> towns;

	private boolean first = true;

	private boolean done;

	DashboardPages(GraphQlPages graphQl, HttpServletRequest request, Caller caller, Map<String, Object> variables,
			String selection) {
		this.graphQl = graphQl;
		this.request = request;
		this.caller = caller;
		this.selection = selection;
		Object by = variables.get("by");
		if (!"TOWN".equals(by) && !"VILLAGE".equals(by)) {
			throw DomainException.badRequest("by", "必须是 TOWN 或 VILLAGE（by town or by village）");
		}
		this.byVillage = "VILLAGE".equals(by);
		this.variables = new LinkedHashMap<>(variables);
		this.variables.remove("by");
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> next() {
		if (this.done) {
			return null;
		}
		if (this.byVillage && this.caller.villageCode() != null && this.variables.get("town") == null) {
			// a village cadre's area is its village: its figures are the one row
			this.done = true;
			Map<String, Object> variables = new LinkedHashMap<>(this.variables);
			variables.put("village", this.caller.villageCode());
			return rows(
					run("query " + OPERATION + "($period: PeriodInput, $village: String) { dashboard(period: $period, "
							+ "village: $village) { figures { " + this.selection + " } } }", variables, "figures"));
		}
		if (this.towns == null) {
			this.towns = new ArrayDeque<>(towns());
		}
		String town = this.towns.poll();
		if (town == null) {
			this.done = true;
			return null;
		}
		Map<String, Object> variables = new LinkedHashMap<>(this.variables);
		variables.put("town", town);
		String body = this.byVillage ? "breakdown(by: VILLAGE) { " + this.selection + " }"
				: "figures { " + this.selection + " }";
		Object answer = run("query " + OPERATION + "($period: PeriodInput, $town: String) { dashboard(period: $period, "
				+ "town: $town) { " + body + " } }", variables, this.byVillage ? "breakdown" : "figures");
		if (this.towns.isEmpty()) {
			this.done = true;
		}
		return rows(answer);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object answer) {
		if (answer instanceof List<?> list) {
			List<Map<String, Object>> rows = new ArrayList<>();
			list.forEach((row) -> rows.add((Map<String, Object>) row));
			return rows;
		}
		return List.of((Map<String, Object>) answer);
	}

	/**
	 * The towns to read: the one asked for, the caller's own, or every town of the
	 * county.
	 */
	@SuppressWarnings("unchecked")
	private List<String> towns() {
		Object asked = this.variables.get("town");
		if (asked != null) {
			return List.of(asked.toString());
		}
		if (this.caller.townCode() != null) {
			return List.of(this.caller.townCode());
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("period", this.variables.get("period"));
		GraphQlPages.Answer answer = this.graphQl.execute(this.request,
				"query " + OPERATION + "($period: PeriodInput) { dashboard(period: $period) { breakdown(by: TOWN) "
						+ "{ area { code } } } }",
				OPERATION, variables);
		Exporter.check(answer, "dashboard", "分区域统计", this.first);
		List<String> codes = new ArrayList<>();
		for (Object town : (List<Object>) ((Map<String, Object>) answer.at("dashboard")).get("breakdown")) {
			codes.add(((Map<String, Object>) ((Map<String, Object>) town).get("area")).get("code").toString());
		}
		return codes;
	}

	@SuppressWarnings("unchecked")
	private Object run(String document, Map<String, Object> variables, String part) {
		GraphQlPages.Answer answer = this.graphQl.execute(this.request, document, OPERATION, variables);
		Exporter.check(answer, "dashboard", "分区域统计", this.first);
		this.first = false;
		Object value = ((Map<String, Object>) answer.at("dashboard")).get(part);
		if (value == null) {
			throw new ExportFailed("the dashboard answered no " + part);
		}
		return value;
	}

}
