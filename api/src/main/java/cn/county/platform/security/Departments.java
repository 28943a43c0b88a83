package cn.county.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Method-security helper for writes that belong to one line department, e.g.
 * {@code @PreAuthorize("hasRole('COUNTY_ADMIN') or @departments.is(authentication, 'HRSS')")}.
 * Department codes: HRSS, FINANCE, CIVIL_AFFAIRS, EDUCATION, HEALTH, MEDICAL_INSURANCE,
 * HOUSING, WATER, DISABLED_FEDERATION, AGRICULTURE, COMMERCE.
 */
@Component("departments")
public class Departments {

	public boolean is(Authentication authentication, String department) {
		return authentication instanceof CallerAuthentication caller && caller.caller().has(Role.DEPARTMENT_OFFICER)
				&& department.equals(caller.caller().department());
	}

}
