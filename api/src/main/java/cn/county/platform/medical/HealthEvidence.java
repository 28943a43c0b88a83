package cn.county.platform.medical;

import cn.county.platform.household.Health;

/**
 * What a member's illness identifications and disability certificates say about the
 * member's health.
 *
 * @param grade the grade of the newest certificate not revoked, or null
 * @param special identifications of a special illness not ended
 * @param chronic identifications of a chronic illness not ended
 * @param records all identifications and certificates, ended or not
 */
public record HealthEvidence(Integer grade, long special, long chronic, long records) {

	/**
	 * The health the records determine: a certificate in force makes the member DISABLED,
	 * else a special illness SERIOUS_ILLNESS, else a chronic one CHRONIC; a member whose
	 * records have all ended is HEALTHY again. Null when the member has no record at all:
	 * then the health recorded directly stands.
	 */
	public Health health() {
		if (this.grade != null) {
			return Health.DISABLED;
		}
		if (this.special > 0) {
			return Health.SERIOUS_ILLNESS;
		}
		if (this.chronic > 0) {
			return Health.CHRONIC;
		}
		return (this.records > 0) ? Health.HEALTHY : null;
	}

}
