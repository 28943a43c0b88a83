package cn.county.platform.household;

/** Capacity to work. */
public enum LabourCapacity {

	FULL, WEAK, NONE

}
