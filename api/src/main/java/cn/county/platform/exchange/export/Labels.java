package cn.county.platform.exchange.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese names an export writes for the enum values of the lists that no import
 * reads (a value without a name here is written as the API spells it). The household
 * roster's words are the roster import's own ({@code roster/RosterLabels}).
 */
public final class Labels {

	private Labels() {
	}

	/** 风险是否消除: the national roster answers the question with 是 / 否. */
	public static final Map<String, String> SCREENING_REASON = of("UNDER_LINE_NOT_MONITORED", "收入低于监测标准未纳入监测",
			"WARNING_NOT_SCREENED", "部门预警未排查");

	public static final Map<String, String> DATA_QUALITY_RULE = of("INVALID_ID_CHECK_DIGIT", "身份证号校验位错误",
			"BIRTH_DATE_MISMATCH", "出生日期与身份证号不符", "DUPLICATE_ID_ACROSS_HOUSEHOLDS", "身份证号跨户重复",
			"SCHOOL_AGE_NOT_IN_SCHOOL", "义务教育阶段未在校", "ABLE_AND_WILLING_WITHOUT_JOB", "有劳动能力有意愿无务工记录",
			"LOAN_PAST_MATURITY_ACTIVE", "贷款到期未结清", "RISK_ELIMINATED_UNDER_LINE", "风险已消除但收入低于监测标准",
			"DROPPED_OUT_WITHOUT_RETURN", "辍学后未复学", "MINIMUM_ALLOWANCE_INCOME_FAR_ABOVE_LINE", "低保户收入远高于监测标准",
			"D_HOUSE_WITHOUT_RENOVATION", "D级危房逾期未启动改造");

	public static final Map<String, String> LOAN_STATUS = of("ACTIVE", "正常", "EXTENDED", "展期", "OVERDUE", "逾期",
			"REPAID", "已结清", "RENEWED", "已续贷");

	public static final Map<String, String> SELLER_KIND = of("ENTERPRISE", "企业", "COOPERATIVE", "合作社", "HOUSEHOLD",
			"农户");

	public static final Map<String, String> SALES_CHANNEL = of("PURCHASE_PLATFORM", "农购网", "OTHER_ONLINE", "其他线上",
			"OFFLINE_EVENT", "线下活动", "INSTITUTIONAL_PURCHASE", "单位采购", "OTHER", "其他");

	public static final Map<String, String> PRODUCT_CATEGORY = of("GRAIN", "粮食", "OIL_CROPS", "油料", "VEGETABLES", "蔬菜",
			"FRUIT", "水果", "LIVESTOCK", "畜产品", "POULTRY_AND_EGGS", "禽蛋", "AQUATIC", "水产品", "TEA", "茶叶", "EDIBLE_FUNGI",
			"食用菌", "HERBS", "中药材", "PROCESSED_FOOD", "加工食品", "HANDICRAFT", "手工艺品", "OTHER", "其他");

	public static final Map<String, String> AREA_LEVEL = of("COUNTY", "县", "TOWN", "乡(镇)", "VILLAGE", "行政村");

	private static Map<String, String> of(String... pairs) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			labels.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(labels);
	}

}
