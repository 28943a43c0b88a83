package cn.county.platform.dashboard;

/**
 * The county, a town or a village: what a dashboard covers, and each row of a breakdown.
 *
 * @param level the level
 * @param code the town or village code; null for the county
 * @param townCode the town, for a town or a village
 * @param name the name shown
 */
public record Area(AreaLevel level, String code, String townCode, String name) {

	/** The county as one area. */
	public static final Area COUNTY = new Area(AreaLevel.COUNTY, null, null, "County");

	/** The key SQL puts in {@link FigureRow#area()} for this area. */
	String key() {
		return (this.code != null) ? this.code : AreaLevel.COUNTY.name();
	}

	String villageCode() {
		return (this.level == AreaLevel.VILLAGE) ? this.code : null;
	}

}
