package cn.county.platform.household;

/** Why a household is at risk. */
public enum RiskCause {

	ILLNESS, DISABILITY, SCHOOLING, DISASTER, ACCIDENT, LACK_OF_LABOUR, UNSTABLE_EMPLOYMENT, HIGH_RIGID_EXPENSES, OTHER

}
