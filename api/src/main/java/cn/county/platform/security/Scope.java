package cn.county.platform.security;

/**
 * The rows a caller may reach. Mapper XML reads {@code scope.townCode},
 * {@code scope.villageCode} and {@code scope.none}, so the scope is part of the SQL,
 * never a filter applied after loading.
 *
 * @param townCode only this town, when set
 * @param villageCode only this village, when set
 * @param none no household-level rows at all (the dashboard viewer reads aggregates only)
 */
public record Scope(String townCode, String villageCode, boolean none) {

	public static final Scope COUNTY = new Scope(null, null, false);

	public static final Scope NOTHING = new Scope(null, null, true);

	public static Scope town(String townCode) {
		return (townCode != null) ? new Scope(townCode, null, false) : NOTHING;
	}

	public static Scope village(String townCode, String villageCode) {
		return (villageCode != null) ? new Scope(townCode, villageCode, false) : NOTHING;
	}

	public boolean covers(String townCode, String villageCode) {
		if (this.none) {
			return false;
		}
		return (this.townCode == null || this.townCode.equals(townCode))
				&& (this.villageCode == null || this.villageCode.equals(villageCode));
	}

}
