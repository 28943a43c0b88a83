package cn.county.platform.household;

/** How a household came to be monitored (items 1-2). */
public enum IdentificationChannel {

	SELF_REPORT, CADRE_SCREENING, DEPARTMENT_WARNING

}
