package cn.county.platform.funds;

import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.export.Column;
import cn.county.platform.exchange.export.ExportList;
import cn.county.platform.exchange.export.Param;

/**
 * The project library and its ledgers as spreadsheets (项目库台账, 资金支出台账), through the
 * exports every list of the API has: the columns read the {@code projects} connection as
 * the caller's GraphQL query would, so the row scope and refusals are the query's.
 */
public final class FundsExports {

	static final Map<String, String> CATEGORY = Map.of("INDUSTRY", "产业发展", "INFRASTRUCTURE", "基础设施", "EMPLOYMENT", "就业",
			"EDUCATION", "教育", "HEALTH", "健康", "HOUSING", "住房", "WATER", "饮水", "OTHER", "其他");

	static final Map<String, String> STATUS = Map.of("PROPOSED", "已申报", "REVIEWED", "已审核", "REJECTED", "未通过审核",
			"IN_LIBRARY", "已入库", "APPROVED", "已批复", "UNDER_CONSTRUCTION", "在建", "COMPLETED", "已完工", "ACCEPTED", "已验收",
			"HANDED_OVER", "资产已移交");

	private static final List<Param> FILTER = List.of(Param.integer("year", "filter.year"),
			Param.string("townCode", "filter.townCode"), Param.string("villageCode", "filter.villageCode"),
			Param.string("category", "filter.category"), Param.string("status", "filter.status"),
			Param.string("ownerDepartment", "filter.ownerDepartment"));

	private static final List<Column> PROJECT = List.of(Column.text("项目编号", "id"), Column.number("年度", "year"),
			Column.text("项目名称", "name"), Column.text("乡镇", "town.name"), Column.text("村", "village.name"),
			Column.label("项目类别", "category", CATEGORY), Column.number("预算(元)", "budget"),
			Column.text("实施单位", "ownerDepartment"), Column.date("计划开工", "plannedStart"),
			Column.date("计划完工", "plannedEnd"), Column.label("项目状态", "status", STATUS),
			Column.number("已分配资金(元)", "allocated"), Column.number("已支出(元)", "disbursed"));

	private FundsExports() {
	}

	/** One row per project. */
	public static ExportList projects() {
		return new ExportList("projects", "项目库台账", "projects", FILTER, Map.of(), PROJECT, null);
	}

	/** One row per ledger entry, with its project's columns. */
	public static ExportList disbursements() {
		List<Column> columns = new java.util.ArrayList<>(PROJECT.subList(0, 6));
		columns
			.addAll(List.of(Column.date("支付日期", "disbursements.paidOn"), Column.number("金额(元)", "disbursements.amount"),
					Column.text("凭证号", "disbursements.voucherNumber"), Column.text("冲减凭证", "disbursements.correctsId"),
					Column.text("备注", "disbursements.note"), Column.text("录入人", "disbursements.recordedBy")));
		return new ExportList("disbursements", "资金支出台账", "projects", FILTER, Map.of(), List.copyOf(columns),
				"disbursements");
	}

}
