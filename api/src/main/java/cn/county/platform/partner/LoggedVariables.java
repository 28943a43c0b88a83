package cn.county.platform.partner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.county.platform.common.Masks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner request's variables as the access log keeps them: the shape, the names,
 * numbers, booleans and enum values stay, so an auditor sees what was asked; every other
 * string is masked, since any of them may be a name, an ID number, a phone or a code that
 * leads to one. Strings of eight or more characters keep two characters at each end (an
 * 18-digit ID number keeps 4 of 18, a phone 4 of 11); shorter ones (a Chinese name) are
 * masked whole.
 */
final class LoggedVariables {

	/**
	 * An enum constant as GraphQL writes it: cannot carry a name, an ID number or a
	 * phone.
	 */
	private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private LoggedVariables() {
	}

	static String json(Map<String, Object> variables) {
		if (variables == null || variables.isEmpty()) {
			return null;
		}
		return JSON.writeValueAsString(mask(variables));
	}

	static Object mask(Object value) {
		if (value instanceof String text) {
			if (ENUM_VALUE.matcher(text).matches()) {
				return text;
			}
			return (text.length() >= 8) ? Masks.keepEnds(text, 2, 2) : Masks.keepEnds(text, 0, 0);
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> masked = new LinkedHashMap<>();
			map.forEach((key, inner) -> masked.put(key, mask(inner)));
			return masked;
		}
		if (value instanceof Iterable<?> list) {
			List<Object> masked = new ArrayList<>();
			list.forEach((inner) -> masked.add(mask(inner)));
			return masked;
		}
		return value;
	}

}
