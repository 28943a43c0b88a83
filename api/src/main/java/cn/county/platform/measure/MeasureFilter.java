package cn.county.platform.measure;

public record MeasureFilter(String townCode, String villageCode, MeasureCategory category, MeasureStatus status,
		Long householdId) {

	public static final MeasureFilter NONE = new MeasureFilter(null, null, null, null, null);

	/**
	 * Whether the filter reads the household's town or village, so that a count must join
	 * {@code household}.
	 */
	public boolean byPlace() {
		return this.townCode != null || this.villageCode != null;
	}

}
