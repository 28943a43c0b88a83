package cn.county.platform.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.imports.Cells;
import cn.county.platform.exchange.imports.ImportColumn;
import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportRun;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.exchange.imports.Importer;
import cn.county.platform.exchange.sheet.SheetReader.Row;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;

import org.springframework.stereotype.Component;

/**
 * The project library (项目库台账) as an upload, in the layout the projects export writes, so
 * an export can be corrected and uploaded back: one project per row. A row names its
 * project by 项目编号 (the id the export writes) or, without one, by year, town and name; a
 * project not yet there is proposed through {@link ProjectService#propose} (checked,
 * scoped and audited as the mutation is), one stored as the row says is left unchanged,
 * and one that differs is corrected through {@link ProjectService#update} (managers only;
 * its year, town and village are never changed by an upload). The same file twice changes
 * nothing the second time. The status and the totals are the export's, read never.
 */
@Component
class ProjectImporter implements Importer {

	enum Column implements ImportColumn {

		ID("id", "项目编号", false), YEAR("year", "年度", true), NAME("name", "项目名称", true), TOWN("townCode", "乡镇", true),
		VILLAGE("villageCode", "村", false), CATEGORY("category", "项目类别", true), BUDGET("budget", "预算(元)", true),
		OWNER("ownerDepartment", "实施单位", true), PLANNED_START("plannedStart", "计划开工", true),
		PLANNED_END("plannedEnd", "计划完工", true), STATUS("status", "项目状态", false),
		ALLOCATED("allocated", "已分配资金(元)", false), DISBURSED("disbursed", "已支出(元)", false);

		private final String key;

		private final String defaultHeader;

		private final boolean required;

		Column(String key, String defaultHeader, boolean required) {
			this.key = key;
			this.defaultHeader = defaultHeader;
			this.required = required;
		}

		@Override
		public String key() {
			return this.key;
		}

		@Override
		public String defaultHeader() {
			return this.defaultHeader;
		}

		@Override
		public boolean required() {
			return this.required;
		}

		@Override
		public String policyField() {
			return null;
		}

	}

	/** The export's category words, and each category's own name. */
	private static final Map<String, ProjectCategory> CATEGORIES = categories();

	private final ProjectService service;

	private final ProjectMapper projects;

	private final RegionMapper regions;

	private final ImportTransactions transactions;

	private final ImportProperties imports;

	ProjectImporter(ProjectService service, ProjectMapper projects, RegionMapper regions,
			ImportTransactions transactions, ImportProperties imports) {
		this.service = service;
		this.projects = projects;
		this.regions = regions;
		this.transactions = transactions;
		this.imports = imports;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.PROJECTS;
	}

	@Override
	public List<Column> columns() {
		return Arrays.asList(Column.values());
	}

	@Override
	public Map<String, String> configuredHeaders() {
		return Map.of();
	}

	/**
	 * Those who propose projects: the county office, FINANCE and town officials (their
	 * town's rows, each row scoped as the proposal is).
	 */
	@Override
	public void authorize(Caller caller) {
		if (!ProjectService.manages(caller) && !caller.has(Role.TOWN_OFFICIAL)) {
			throw new DomainException(new Violation("kind",
					"只有县乡村振兴局、财政局和乡镇干部可以导入项目（only county admins, FINANCE and town officials import projects）",
					ErrorClassification.FORBIDDEN));
		}
	}

	@Override
	public Sink open(ImportRun run) {
		return new ProjectSink(run);
	}

	private record Unit(Row row, Long id, Inputs.ProposeProjectInput input) {
	}

	private final class ProjectSink implements Sink {

		private final ImportRun run;

		private final List<Unit> chunk = new ArrayList<>();

		private final Map<String, Town> towns = new HashMap<>();

		private final Map<String, List<Village>> villages = new HashMap<>();

		ProjectSink(ImportRun run) {
			this.run = run;
			for (Town town : ProjectImporter.this.regions.selectTowns()) {
				this.towns.put(town.code(), town);
				this.towns.putIfAbsent(town.name(), town);
			}
		}

		@Override
		public void row(Row row) {
			Map<Column, String> problems = new LinkedHashMap<>();
			Long id = null;
			String idCell = this.run.cell(row, Column.ID);
			if (!idCell.isEmpty()) {
				try {
					id = Long.valueOf(idCell);
				}
				catch (NumberFormatException ex) {
					problems.put(Column.ID, "不是编号（is not an id）");
				}
			}
			Integer year = null;
			try {
				year = Cells.whole(required(row, Column.YEAR, problems));
			}
			catch (Cells.Problem ex) {
				problems.putIfAbsent(Column.YEAR, ex.getMessage());
			}
			String name = required(row, Column.NAME, problems);
			String townCell = required(row, Column.TOWN, problems);
			Town town = townCell.isEmpty() ? null : this.towns.get(townCell);
			if (town == null && !townCell.isEmpty()) {
				problems.put(Column.TOWN, "不是本县的乡镇（is not a town of the county）: " + townCell);
			}
			String villageCode = null;
			String villageCell = this.run.cell(row, Column.VILLAGE);
			if (!villageCell.isEmpty() && town != null) {
				villageCode = village(town, villageCell);
				if (villageCode == null) {
					problems.put(Column.VILLAGE,
							"不是" + town.name() + "的村（is not a village of the town）: " + villageCell);
				}
			}
			String categoryCell = required(row, Column.CATEGORY, problems);
			ProjectCategory category = categoryCell.isEmpty() ? null : CATEGORIES.get(categoryCell);
			if (category == null && !categoryCell.isEmpty()) {
				problems.put(Column.CATEGORY, "应为 " + String.join("、", FundsExports.CATEGORY.values())
						+ " 之一（is not one of the accepted words）");
			}
			BigDecimal budget = null;
			try {
				budget = Cells.amount(required(row, Column.BUDGET, problems));
			}
			catch (Cells.Problem ex) {
				problems.putIfAbsent(Column.BUDGET, ex.getMessage());
			}
			String owner = required(row, Column.OWNER, problems);
			LocalDate start = date(row, Column.PLANNED_START, problems);
			LocalDate end = date(row, Column.PLANNED_END, problems);
			if (!problems.isEmpty()) {
				problems.forEach((column, reason) -> this.run.refuse(row, column, reason));
				return;
			}
			this.chunk.add(new Unit(row, id, new Inputs.ProposeProjectInput(year, name, town.code(), villageCode,
					category, budget, owner, start, end)));
			if (this.chunk.size() >= ProjectImporter.this.imports.chunkUnits()) {
				flush();
			}
		}

		private String required(Row row, Column column, Map<Column, String> problems) {
			String cell = this.run.cell(row, column);
			if (cell.isEmpty()) {
				problems.put(column, "不能为空（is required）");
			}
			return cell;
		}

		private LocalDate date(Row row, Column column, Map<Column, String> problems) {
			try {
				return Cells.date(required(row, column, problems));
			}
			catch (Cells.Problem ex) {
				problems.putIfAbsent(column, ex.getMessage());
				return null;
			}
		}

		private String village(Town town, String cell) {
			List<Village> ofTown = this.villages.computeIfAbsent(town.code(),
					(code) -> ProjectImporter.this.regions.selectVillagesByTownCodes(List.of(code)));
			for (Village village : ofTown) {
				if (village.code().equals(cell) || village.name().equals(cell)) {
					return village.code();
				}
			}
			return null;
		}

		@Override
		public void end() {
			flush();
		}

		private void flush() {
			ProjectImporter.this.transactions.run(this.chunk, this.run.dryRun(), this::write,
					new ImportTransactions.Outcome<>() {
						@Override
						public void changed(Unit unit) {
							ProjectSink.this.run.applied(1, 0, 0);
						}

						@Override
						public void unchanged(Unit unit) {
							ProjectSink.this.run.unchanged(1);
						}

						@Override
						public void refused(Unit unit, DomainException refusal) {
							for (Violation violation : refusal.violations()) {
								ProjectSink.this.run.refuse(unit.row(), columnOf(violation.field()),
										violation.reason());
							}
						}
					});
			this.chunk.clear();
			this.run.progress();
		}

		private boolean write(Unit unit) {
			Caller caller = this.run.caller();
			Inputs.ProposeProjectInput input = unit.input();
			Project current = existing(unit);
			if (current == null) {
				ProjectImporter.this.service.propose(caller, input);
				return true;
			}
			if (!ProjectService.covers(ProjectService.scope(caller), current.townCode(), current.villageCode())) {
				throw new DomainException(new Violation("input.townCode",
						"项目不在您的辖区，本行未导入（the project is outside the caller's town）", ErrorClassification.FORBIDDEN));
			}
			if (current.year() != input.year()) {
				throw DomainException.badRequest("input.year",
						"导入不能修改项目的年度（an upload does not change a project's year " + current.year() + "）");
			}
			if (!current.townCode().equals(input.townCode())) {
				throw DomainException.badRequest("input.townCode",
						"导入不能修改项目的乡镇（an upload does not change a project's town " + current.townName() + "）");
			}
			if (!Objects.equals(current.villageCode(), input.villageCode())) {
				throw DomainException.badRequest("input.villageCode",
						"导入不能修改项目的村（an upload does not change a project's village）");
			}
			if (same(current, input)) {
				return false;
			}
			if (!ProjectService.manages(caller)) {
				throw new DomainException(new Violation("input.id",
						"项目已存在，只有县乡村振兴局和财政局可以修改（the project exists; only the county office and FINANCE update it）",
						ErrorClassification.FORBIDDEN));
			}
			ProjectImporter.this.service.update(caller,
					new Inputs.UpdateProjectInput(current.id(), current.version(), input.name(), input.category(),
							input.budget(), input.ownerDepartment(), input.plannedStart(), input.plannedEnd()));
			return true;
		}

		/** The project the row names: by its id, else by year, town and name. */
		private Project existing(Unit unit) {
			if (unit.id() != null) {
				Project project = ProjectImporter.this.projects.selectById(unit.id());
				if (project == null) {
					throw DomainException.notFound("input.id", "没有此编号的项目（no project with this id）: " + unit.id());
				}
				return project;
			}
			List<Project> named = ProjectImporter.this.projects.selectByKey(unit.input().year(),
					unit.input().townCode(), unit.input().name().strip());
			if (named.size() > 1) {
				throw DomainException.conflict("input.name",
						"该乡镇该年度有多个同名项目，请填写项目编号（several projects of the town and year have this name: give the id）");
			}
			return named.isEmpty() ? null : named.get(0);
		}

	}

	private static boolean same(Project current, Inputs.ProposeProjectInput input) {
		return current.name().equals(input.name().strip()) && current.category() == input.category()
				&& current.budget().compareTo(input.budget()) == 0
				&& current.ownerDepartment().equals(input.ownerDepartment())
				&& current.plannedStart().equals(input.plannedStart())
				&& current.plannedEnd().equals(input.plannedEnd());
	}

	private static Map<String, ProjectCategory> categories() {
		Map<String, ProjectCategory> words = new LinkedHashMap<>();
		FundsExports.CATEGORY.forEach((name, word) -> words.put(word, ProjectCategory.valueOf(name)));
		for (ProjectCategory category : ProjectCategory.values()) {
			words.putIfAbsent(category.name(), category);
		}
		return Map.copyOf(words);
	}

	static Column columnOf(String field) {
		String name = field.substring(field.lastIndexOf('.') + 1);
		for (Column column : Column.values()) {
			if (column.key().equals(name)) {
				return column;
			}
		}
		return null;
	}

}
