package cn.county.platform.exchange.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.programmes.LoanImporter.LoanColumn;
import cn.county.platform.exchange.programmes.ProgrammeImportProperties;
import cn.county.platform.exchange.programmes.SaleImporter.SaleColumn;
import cn.county.platform.exchange.roster.RosterColumn;
import cn.county.platform.exchange.roster.RosterLabels;
import cn.county.platform.exchange.roster.RosterProperties;

import org.springframework.stereotype.Component;

/**
 * Every list of the API that downloads as a spreadsheet, by the name in its address. The
 * parameters are the list field's arguments (a filter's fields by their own names); the
 * columns are Chinese headers over the fields of the list's rows. The households export
 * is the roster import's layout ({@link RosterExport}); the other lists name a
 * household's town, village, code and so on with the roster's headers too, and the loans
 * and sales exports name their columns as the loan and sale imports read them
 * ({@code exchange/programmes}), configured headers included.
 */
@Component
public class ExportLists {

	/** Headers of lists that are not the roster but name a household the same way. */
	private static final String VILLAGE_CODE = "行政村代码";

	private static final String HEAD_NAME = "户主姓名";

	private final Map<String, ExportList> lists = new LinkedHashMap<>();

	ExportLists(RosterProperties roster, ProgrammeImportProperties programmes) {
		String town = roster.header(RosterColumn.TOWN);
		String village = roster.header(RosterColumn.VILLAGE);
		String code = roster.header(RosterColumn.HOUSEHOLD_CODE);
		add(new ExportList("households", "农户花名册", "households", List.of(Param.string("townCode", "filter.townCode"),
				Param.string("villageCode", "filter.villageCode"), Param.string("category", "filter.category"),
				Param.string("monitoringType", "filter.monitoringType"),
				Param.string("riskStatus", "filter.riskStatus"), Param.string("riskCause", "filter.riskCause"),
				Param.decimal("incomeMin", "filter.incomeMin"), Param.decimal("incomeMax", "filter.incomeMax"),
				Param.string("identifiedSince", "filter.identifiedSince"), Param.string("search", "filter.search"),
				Param.string("orderBy", "orderBy.field"), Param.string("direction", "orderBy.direction")), Map.of(),
				RosterExport.columns(roster), RosterExport.MEMBERS));
		add(new ExportList("screening-list", "筛查名单", "screeningList",
				List.of(Param.integer("year", "year"), Param.string("reason", "reason"), Param.string("town", "town"),
						Param.string("village", "village"), Param.string("householdId", "householdId")),
				Map.of(),
				List.of(Column.label("筛查原因", "reason", Labels.SCREENING_REASON), Column.text(town, "town.name"),
						Column.text(village, "village.name"), Column.text(VILLAGE_CODE, "village.code"),
						Column.text(code, "householdCode"), Column.text(HEAD_NAME, "headName"),
						Column.text("户主证件号码", "headIdNumber"),
						Column.label(roster.header(RosterColumn.CATEGORY), "category", RosterLabels.CATEGORY),
						Column.number(roster.header(RosterColumn.INCOME_PER_CAPITA), "incomePerCapita"),
						Column.number(roster.header(RosterColumn.INCOME_YEAR), "incomeYear"),
						Column.number("监测标准(元)", "monitoringLine"), Column.text("预警部门", "warningSource"),
						Column.date("预警时间", "warningReceivedOn"),
						Column.date(roster.header(RosterColumn.SCREENED_ON), "screenedOn")),
				null));
		add(new ExportList("data-quality-findings", "数据质量问题", "dataQualityFindings",
				List.of(Param.string("rule", "rule"), Param.string("town", "town"), Param.string("village", "village"),
						Param.string("householdId", "householdId")),
				Map.of(),
				List.of(Column.label("问题类型", "rule", Labels.DATA_QUALITY_RULE), Column.text(town, "town.name"),
						Column.text(village, "village.name"), Column.text(code, "householdCode"),
						Column.text(HEAD_NAME, "headName"), Column.text(roster.header(RosterColumn.NAME), "memberName"),
						Column.text(roster.header(RosterColumn.ID_NUMBER), "memberIdNumber"),
						Column.date(roster.header(RosterColumn.BIRTH_DATE), "memberBirthDate"),
						Column.text("问题说明", "detail")),
				null));
		add(new ExportList("loans", "小额信贷", "loans", List.of(Param.string("townCode", "filter.townCode"),
				Param.string("villageCode", "filter.villageCode"), Param.string("status", "filter.status"),
				Param.string("bank", "filter.bank"), Param.integer("maturingWithinDays", "filter.maturingWithinDays")),
				Map.of(),
				List.of(Column.text(town, "household.town.name"), Column.text(village, "household.village.name"),
						Column.text(code, "household.code"), Column.text(HEAD_NAME, "household.headName"),
						Column.text(programmes.header(ImportKind.LOANS, LoanColumn.NAME), "borrower.name"),
						Column.text(programmes.header(ImportKind.LOANS, LoanColumn.ID_NUMBER), "borrower.idNumber"),
						Column.text(programmes.header(ImportKind.LOANS, LoanColumn.BANK), "bank"),
						Column.text(programmes.header(ImportKind.LOANS, LoanColumn.CONTRACT_NUMBER), "contractNumber"),
						Column.number(programmes.header(ImportKind.LOANS, LoanColumn.AMOUNT), "amountIssued"),
						Column.date(programmes.header(ImportKind.LOANS, LoanColumn.ISSUED_ON), "issuedOn"),
						Column.number(programmes.header(ImportKind.LOANS, LoanColumn.TERM_MONTHS), "termMonths"),
						Column.date("到期日期", "maturityDate"),
						Column.number(programmes.header(ImportKind.LOANS, LoanColumn.INTEREST_SUBSIDY),
								"interestSubsidy"),
						Column.text(programmes.header(ImportKind.LOANS, LoanColumn.PURPOSE), "purpose"),
						Column.label("贷款状态", "status", Labels.LOAN_STATUS), Column.number("贷款余额(元)", "balance"),
						Column.number("追加金额(元)", "toppedUp"), Column.number("已还金额(元)", "repaid")),
				null));
		List<Column> seller = List.of(
				Column.text(programmes.header(ImportKind.SALES, SaleColumn.SELLER), "seller.name"),
				Column.label("主体类型", "seller.kind", Labels.SELLER_KIND), Column.text(town, "seller.town.name"),
				Column.text(village, "seller.village.name"),
				Column.text(programmes.header(ImportKind.SALES, SaleColumn.SUPPLIER_ID), "seller.platformSupplierId"));
		add(new ExportList("sales", "消费帮扶销售", "sales",
				List.of(Param.string("sellerId", "filter.sellerId"), Param.string("month", "filter.month"),
						Param.string("channel", "filter.channel"), Param.string("townCode", "filter.townCode")),
				Map.of(),
				concat(seller,
						List.of(Column.text(programmes.header(ImportKind.SALES, SaleColumn.PRODUCT), "product"),
								Column.label(programmes.header(ImportKind.SALES, SaleColumn.CATEGORY), "category",
										Labels.PRODUCT_CATEGORY),
								Column.label(programmes.header(ImportKind.SALES, SaleColumn.CHANNEL), "channel",
										Labels.SALES_CHANNEL),
								Column.text(programmes.header(ImportKind.SALES, SaleColumn.MONTH), "month"),
								Column.number(programmes.header(ImportKind.SALES, SaleColumn.QUANTITY), "quantity"),
								Column.text(programmes.header(ImportKind.SALES, SaleColumn.UNIT), "unit"),
								Column.number(programmes.header(ImportKind.SALES, SaleColumn.AMOUNT), "amount"),
								Column.number(programmes.header(ImportKind.SALES, SaleColumn.HOUSEHOLDS_BENEFITING),
										"householdsBenefiting"),
								Column.yesNo("是否已锁定", "locked"), Column.text("录入人", "recordedBy"))),
				null));
		List<Column> report = concat(seller,
				List.of(Column.text(programmes.header(ImportKind.SALES, SaleColumn.MONTH), "month"),
						Column.yesNo("是否已报送", "submitted"), Column.dateTime("报送时间", "submittedAt"),
						Column.text("报送人", "submittedBy"), Column.number("销售笔数", "saleCount"),
						Column.number("销售额(元)", "totalAmount"), Column.number("报送时销售笔数", "submittedSaleCount"),
						Column.number("报送时销售额(元)", "submittedAmount"), Column.number("更正次数", "amendmentCount")));
		add(new ExportList(
				"sales-reports", "消费帮扶月报", "salesReports", List.of(Param.string("month", "month"),
						Param.bool("submitted", "submitted"), Param.string("townCode", "townCode")),
				Map.of(), report, null));
		add(new ExportList("missing-sales-reports", "消费帮扶月报未报送", "salesReports",
				List.of(Param.string("month", "month"), Param.string("townCode", "townCode")),
				Map.of("submitted", false), report, null));
		add(new ExportList("dashboard", "分区域统计", "dashboard",
				List.of(Param.string("by", "by"), Param.integer("year", "period.year"),
						Param.integer("quarter", "period.quarter"), Param.integer("month", "period.month"),
						Param.string("town", "town")),
				Map.of(), DashboardPages.COLUMNS, null));
		add(new ExportList("audit-log", "操作日志", "auditLog",
				List.of(Param.string("entityType", "entityType"), Param.string("entityId", "entityId"),
						Param.string("actor", "actor")),
				Map.of(),
				List.of(Column.dateTime("时间", "occurredAt"), Column.text("操作人", "actor"),
						Column.text("角色", "actorRoles"), Column.text("操作", "operation"),
						Column.text("对象类型", "entityType"), Column.text("对象编号", "entityId"),
						Column.text("修改前", "before"), Column.text("修改后", "after"),
						Column.text("幂等键", "idempotencyKey")),
				null));
		add(cn.county.platform.funds.FundsExports.projects());
		add(cn.county.platform.funds.FundsExports.disbursements());
	}

	private void add(ExportList list) {
		this.lists.put(list.name(), list);
	}

	private static List<Column> concat(List<Column> first, List<Column> second) {
		List<Column> all = new ArrayList<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}

	/** The list of that name, or null. */
	public ExportList get(String name) {
		return this.lists.get(name);
	}

	public List<ExportList> all() {
		return List.copyOf(this.lists.values());
	}

}
