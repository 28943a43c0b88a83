package cn.county.platform.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.dashboard.Dashboard.AreaFigures;
import cn.county.platform.plan.PlanProperties;
import cn.county.platform.security.Caller;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class DashboardController {

	private final DashboardService dashboards;

	DashboardController(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	/** The period as given; a missing period means the latest configured plan year. */
	record PeriodInput(Integer year, Integer quarter, Integer month) {
	}

	@QueryMapping
	Dashboard dashboard(@Argument PeriodInput period, @Argument String town, @Argument String village,
			@AuthenticationPrincipal Caller caller) {
		return (period != null)
				? this.dashboards.open(caller, period.year(), period.quarter(), period.month(), true, town, village)
				: this.dashboards.open(caller, null, null, null, false, town, village);
	}

	@SchemaMapping(typeName = "Dashboard")
	Map<String, Object> targets(Dashboard dashboard) {
		PlanProperties.YearTargets targets = dashboard.plan().targets();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("year", dashboard.plan().year());
		view.put("targetsYear", dashboard.plan().targetsYear());
		view.put("monitoringLine", targets.monitoringLine());
		view.put("employmentRate", targets.employmentRate().doubleValue());
		view.put("certificationRate", targets.certificationRate().doubleValue());
		view.put("certificationMilestones",
				targets.certificationMilestones()
					.stream()
					.map((m) -> Map.of("due", m.due().withYear(dashboard.period().year()), "shareOfTarget",
							m.shareOfTarget().doubleValue()))
					.toList());
		view.put("demonstrationHouseholdsPerVillage", targets.demonstrationHouseholdsPerVillage());
		view.put("demonstrationVillagesPerTown", targets.demonstrationVillagesPerTown());
		view.put("housingInspectionInterval", dashboard.properties().housingInspectionInterval().toString());
		view.put("waterCheckInterval", dashboard.properties().waterCheckInterval().toString());
		view.put("smallCellThreshold", dashboard.properties().smallCellThreshold());
		return view;
	}

	@SchemaMapping(typeName = "Dashboard")
	AreaFigures figures(Dashboard dashboard, DataFetchingFieldSelectionSet selection) {
		AreaFigures figures = this.dashboards.figures(dashboard);
		this.dashboards.prefetch(dashboard, figures.level(), sections(selection));
		return figures;
	}

	@SchemaMapping(typeName = "Dashboard")
	List<AreaFigures> breakdown(Dashboard dashboard, @Argument AreaLevel by, DataFetchingFieldSelectionSet selection) {
		List<AreaFigures> areas = this.dashboards.breakdown(dashboard, by);
		this.dashboards.prefetch(dashboard, by, sections(selection));
		return areas;
	}

	private static List<String> sections(DataFetchingFieldSelectionSet selection) {
		return selection.getImmediateFields().stream().map(SelectedField::getName).distinct().toList();
	}

	@SchemaMapping(typeName = "Figures")
	Area area(AreaFigures figures) {
		return figures.area();
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> households(AreaFigures figures) {
		return this.dashboards.households(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> basicNeeds(AreaFigures figures) {
		return this.dashboards.basicNeeds(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> measures(AreaFigures figures) {
		return this.dashboards.measures(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> employment(AreaFigures figures) {
		return this.dashboards.employment(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> certification(AreaFigures figures) {
		return this.dashboards.certification(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> loans(AreaFigures figures) {
		return this.dashboards.loans(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> sales(AreaFigures figures) {
		return this.dashboards.sales(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> courtyard(AreaFigures figures) {
		return this.dashboards.courtyard(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> funds(AreaFigures figures) {
		return this.dashboards.funds(figures);
	}

	@SchemaMapping(typeName = "Figures")
	Map<String, Object> visits(AreaFigures figures) {
		return this.dashboards.visits(figures);
	}

}
