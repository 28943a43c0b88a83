package cn.county.platform.funds;

/** Which projects to list; conditions combine with AND. */
public record ProjectFilter(Integer year, String townCode, String villageCode, ProjectCategory category,
		ProjectStatus status, String ownerDepartment) {

	public static final ProjectFilter NONE = new ProjectFilter(null, null, null, null, null, null);

}
