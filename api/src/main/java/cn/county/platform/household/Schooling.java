package cn.county.platform.household;

/** Schooling of a member; compulsory school age is 6 to 15. */
public enum Schooling {

	NOT_SCHOOL_AGE, COMPULSORY, HIGH_SCHOOL, VOCATIONAL, COLLEGE, DROPPED_OUT, GRADUATED

}
