package cn.county.platform.measure;

import java.time.LocalDate;

public record VisitFilter(String townCode, String villageCode, String cadre, LocalDate from, LocalDate to) {

	public static final VisitFilter NONE = new VisitFilter(null, null, null, null, null);

	/**
	 * Whether the filter reads the household's town or village, so that a count must join
	 * {@code household}.
	 */
	public boolean byPlace() {
		return this.townCode != null || this.villageCode != null;
	}

}
