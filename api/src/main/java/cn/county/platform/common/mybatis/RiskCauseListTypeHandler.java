package cn.county.platform.common.mybatis;

import cn.county.platform.household.RiskCause;

public class RiskCauseListTypeHandler extends EnumListTypeHandler<RiskCause> {

	public RiskCauseListTypeHandler() {
		super(RiskCause.class);
	}

}
