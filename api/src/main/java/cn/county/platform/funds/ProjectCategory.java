package cn.county.platform.funds;

/** What a project does; INDUSTRY is what item 12's 60% share counts. */
public enum ProjectCategory {

	INDUSTRY, INFRASTRUCTURE, EMPLOYMENT, EDUCATION, HEALTH, HOUSING, WATER, OTHER

}
