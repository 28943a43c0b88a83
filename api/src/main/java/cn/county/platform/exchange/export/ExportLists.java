package cn.county.platform.exchange.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Every list of the API that downloads as a spreadsheet, by the name in its address. The
 * parameters are the list field's arguments (a filter's fields by their own names); the
 * columns are Chinese headers over the fields of the list's rows.
 */
@Component
public class ExportLists {

	private final Map<String, ExportList> lists = new LinkedHashMap<>();

	ExportLists() {
		add(new ExportList("households", "农户花名册", "households", List.of(Param.string("townCode", "filter.townCode"),
				Param.string("villageCode", "filter.villageCode"), Param.string("category", "filter.category"),
				Param.string("monitoringType", "filter.monitoringType"),
				Param.string("riskStatus", "filter.riskStatus"), Param.string("riskCause", "filter.riskCause"),
				Param.decimal("incomeMin", "filter.incomeMin"), Param.decimal("incomeMax", "filter.incomeMax"),
				Param.string("identifiedSince", "filter.identifiedSince"), Param.string("search", "filter.search"),
				Param.string("orderBy", "orderBy.field"), Param.string("direction", "orderBy.direction")), Map.of(),
				HouseholdColumns.ALL, HouseholdColumns.MEMBERS));
		add(new ExportList("screening-list", "筛查名单", "screeningList",
				List.of(Param.integer("year", "year"), Param.string("reason", "reason"), Param.string("town", "town"),
						Param.string("village", "village"), Param.string("householdId", "householdId")),
				Map.of(),
				List.of(Column.label("筛查原因", "reason", Labels.SCREENING_REASON),
						Column.text(HouseholdColumns.TOWN, "town.name"),
						Column.text(HouseholdColumns.VILLAGE, "village.name"),
						Column.text(HouseholdColumns.VILLAGE_CODE, "village.code"),
						Column.text(HouseholdColumns.HOUSEHOLD_CODE, "householdCode"),
						Column.text(HouseholdColumns.HEAD_NAME, "headName"), Column.text("户主证件号码", "headIdNumber"),
						Column.label(HouseholdColumns.CATEGORY, "category", Labels.HOUSEHOLD_CATEGORY),
						Column.number(HouseholdColumns.INCOME, "incomePerCapita"),
						Column.number(HouseholdColumns.INCOME_YEAR, "incomeYear"),
						Column.number("监测标准(元)", "monitoringLine"),
						Column.text(HouseholdColumns.WARNING_SOURCE, "warningSource"),
						Column.date(HouseholdColumns.WARNING_RECEIVED_ON, "warningReceivedOn"),
						Column.date(HouseholdColumns.SCREENED_ON, "screenedOn")),
				null));
		add(new ExportList("data-quality-findings", "数据质量问题", "dataQualityFindings",
				List.of(Param.string("rule", "rule"), Param.string("town", "town"), Param.string("village", "village"),
						Param.string("householdId", "householdId")),
				Map.of(),
				List.of(Column.label("问题类型", "rule", Labels.DATA_QUALITY_RULE),
						Column.text(HouseholdColumns.TOWN, "town.name"),
						Column.text(HouseholdColumns.VILLAGE, "village.name"),
						Column.text(HouseholdColumns.HOUSEHOLD_CODE, "householdCode"),
						Column.text(HouseholdColumns.HEAD_NAME, "headName"),
						Column.text(HouseholdColumns.NAME, "memberName"),
						Column.text(HouseholdColumns.ID_NUMBER, "memberIdNumber"),
						Column.date(HouseholdColumns.BIRTH_DATE, "memberBirthDate"), Column.text("问题说明", "detail")),
				null));
		add(new ExportList("loans", "小额信贷", "loans", List.of(Param.string("townCode", "filter.townCode"),
				Param.string("villageCode", "filter.villageCode"), Param.string("status", "filter.status"),
				Param.string("bank", "filter.bank"), Param.integer("maturingWithinDays", "filter.maturingWithinDays")),
				Map.of(),
				List.of(Column.text(HouseholdColumns.TOWN, "household.town.name"),
						Column.text(HouseholdColumns.VILLAGE, "household.village.name"),
						Column.text(HouseholdColumns.HOUSEHOLD_CODE, "household.code"),
						Column.text(HouseholdColumns.HEAD_NAME, "household.headName"),
						Column.text("借款人", "borrower.name"), Column.text("借款人证件号码", "borrower.idNumber"),
						Column.text("贷款银行", "bank"), Column.text("合同编号", "contractNumber"),
						Column.number("贷款金额(元)", "amountIssued"), Column.date("发放日期", "issuedOn"),
						Column.number("贷款期限(月)", "termMonths"), Column.date("到期日期", "maturityDate"),
						Column.number("贴息金额(元)", "interestSubsidy"), Column.text("贷款用途", "purpose"),
						Column.label("贷款状态", "status", Labels.LOAN_STATUS), Column.number("贷款余额(元)", "balance"),
						Column.number("追加金额(元)", "toppedUp"), Column.number("已还金额(元)", "repaid")),
				null));
		List<Column> seller = List.of(Column.text("经营主体", "seller.name"),
				Column.label("主体类型", "seller.kind", Labels.SELLER_KIND),
				Column.text(HouseholdColumns.TOWN, "seller.town.name"),
				Column.text(HouseholdColumns.VILLAGE, "seller.village.name"),
				Column.text("农购网供应商编号", "seller.platformSupplierId"));
		add(new ExportList("sales", "消费帮扶销售", "sales",
				List.of(Param.string("sellerId", "filter.sellerId"), Param.string("month", "filter.month"),
						Param.string("channel", "filter.channel"), Param.string("townCode", "filter.townCode")),
				Map.of(),
				concat(seller,
						List.of(Column.text("产品名称", "product"),
								Column.label("产品类别", "category", Labels.PRODUCT_CATEGORY),
								Column.label("销售渠道", "channel", Labels.SALES_CHANNEL), Column.text("月份", "month"),
								Column.number("数量", "quantity"), Column.text("单位", "unit"),
								Column.number("销售额(元)", "amount"), Column.number("带动农户数", "householdsBenefiting"),
								Column.yesNo("是否已锁定", "locked"), Column.text("录入人", "recordedBy"))),
				null));
		List<Column> report = concat(seller,
				List.of(Column.text("月份", "month"), Column.yesNo("是否已报送", "submitted"),
						Column.dateTime("报送时间", "submittedAt"), Column.text("报送人", "submittedBy"),
						Column.number("销售笔数", "saleCount"), Column.number("销售额(元)", "totalAmount"),
						Column.number("报送时销售笔数", "submittedSaleCount"), Column.number("报送时销售额(元)", "submittedAmount"),
						Column.number("更正次数", "amendmentCount")));
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
