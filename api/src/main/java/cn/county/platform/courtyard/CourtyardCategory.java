package cn.county.platform.courtyard;

/** What a courtyard is used for: the five priorities of item 14. */
public enum CourtyardCategory {

	SPECIALTY_PLANTING, SPECIALTY_BREEDING, HANDICRAFT, LEISURE_TOURISM, ECOMMERCE_SERVICE

}
