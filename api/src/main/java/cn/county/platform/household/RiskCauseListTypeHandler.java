package cn.county.platform.household;

import cn.county.platform.common.mybatis.EnumListTypeHandler;

/**
 * Reads a household's risk causes, concatenated from {@code household_risk_cause}, as a
 * list; named by {@code typeHandler=} in {@code HouseholdMapper.xml}, so it lives beside
 * the type it handles.
 */
public class RiskCauseListTypeHandler extends EnumListTypeHandler<RiskCause> {

	public RiskCauseListTypeHandler() {
		super(RiskCause.class);
	}

}
