package cn.county.platform.courtyard;

public record CourtyardFilter(String townCode, String villageCode, Integer year, CourtyardStatus status,
		CourtyardCategory category) {

	public static final CourtyardFilter NONE = new CourtyardFilter(null, null, null, null, null);

	/**
	 * Whether the filter reads the household's town or village, so that a count must join
	 * {@code household}.
	 */
	public boolean byPlace() {
		return this.townCode != null || this.villageCode != null;
	}

}
