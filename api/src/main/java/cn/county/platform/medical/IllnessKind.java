package cn.county.platform.medical;

/**
 * Outpatient chronic (门诊慢性病) and special (门诊特殊病) illness; a special illness makes the
 * member's health SERIOUS_ILLNESS, a chronic one CHRONIC.
 */
public enum IllnessKind {

	CHRONIC, SPECIAL

}
