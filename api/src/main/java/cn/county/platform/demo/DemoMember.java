package cn.county.platform.demo;

import java.time.LocalDate;

/**
 * One generated member, as written to {@code member}. {@code age} is in whole years on
 * {@link DemoDataGenerator#AS_OF}, the day the demo data describes.
 */
public record DemoMember(long id, long householdId, String name, String idNumber, String relation, String gender,
		LocalDate birthDate, int age, String schooling, String health, Integer disabilityGrade, String labourCapacity,
		boolean willingToWork) {

	public boolean isHead() {
		return "HEAD".equals(this.relation);
	}

}
