package cn.county.platform.household;

/** Housing safety grade from the quarterly inspection (item 8); C and D are unsafe. */
public enum HousingGrade {

	A, B, C, D

}
