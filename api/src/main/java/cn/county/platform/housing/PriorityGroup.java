package cn.county.platform.housing;

/** The six priority groups of rural housing renovation (农村危房改造六类重点对象). */
public enum PriorityGroup {

	/** 易返贫致贫户 (monitored households). */
	MONITORED,
	/** 农村低保户. */
	MINIMUM_ALLOWANCE,
	/** 农村分散供养特困人员. */
	EXTREME_POVERTY,
	/** 因病因灾因意外事故等刚性支出较大或收入大幅缩减导致基本生活出现严重困难家庭. */
	SEVERE_HARDSHIP,
	/** 农村低保边缘家庭. */
	ALLOWANCE_MARGINAL,
	/** 未享受过农村住房保障政策支持且依靠自身力量无法解决住房安全问题的其他脱贫户. */
	OTHER_ALLEVIATED

}
