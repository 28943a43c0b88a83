package cn.county.platform.education;

/** Kinds of education aid (教育资助) the education bureau grants. */
public enum EducationAidKind {

	LIVING_ALLOWANCE, TUITION_WAIVER, NATIONAL_GRANT, RAIN_DEW_PLAN, STUDENT_LOAN, OTHER

}
