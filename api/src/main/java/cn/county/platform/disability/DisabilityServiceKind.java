package cn.county.platform.disability;

/** What the disabled persons' federation provided. */
public enum DisabilityServiceKind {

	HOME_ADAPTATION, ASSISTIVE_DEVICE, CHILD_REHABILITATION;

	/** Rehabilitation (残疾儿童康复救助) is for children under 18. */
	public static final int CHILD_AGE_LIMIT = 18;

}
