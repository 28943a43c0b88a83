package cn.county.platform.household;

/** As encoded in the resident ID number: odd sequence for men, even for women. */
public enum Gender {

	MALE, FEMALE

}
