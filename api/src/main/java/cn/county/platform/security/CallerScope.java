package cn.county.platform.security;

import java.util.TreeSet;

/**
 * The part of a cache key that says whose answer it is. Every cache of answers or figures
 * (the dashboard's statements and whole answers, the data-quality counts) appends it, so
 * two callers share an entry only when everything the token says that can change what
 * they see is the same: the roles, the town, the village, the department and the partner.
 * The subject and the user name are left out on purpose: two town officials of one town
 * see the same figures and may share them.
 */
public final class CallerScope {

	private CallerScope() {
	}

	/**
	 * A short text, stable across instances and restarts, that differs for callers who
	 * may see differently.
	 */
	public static String cacheKey(Caller caller) {
		if (caller == null) {
			return "anonymous";
		}
		return "r=" + String.join("+", new TreeSet<>(caller.roles().stream().map(Role::name).toList())) + ";t="
				+ part(caller.townCode()) + ";v=" + part(caller.villageCode()) + ";d=" + part(caller.department())
				+ ";p=" + part(caller.partnerId());
	}

	/**
	 * Empty stays apart from absent, and a separator inside a claim cannot make two
	 * scopes look alike.
	 */
	private static String part(String value) {
		return (value == null) ? "-" : "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
