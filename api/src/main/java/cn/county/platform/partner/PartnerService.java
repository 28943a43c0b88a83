package cn.county.platform.partner;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.county.platform.common.Cursor;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldPolicy;
import cn.county.platform.security.PartnerAccess;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's decisions about what each partner may read, and the record of what partners did read. Approved sets
 * are read from the database at the start of each partner request, so a change is in force at once on every API
 * instance.
 */
@Service
public class PartnerService implements PartnerAccess {

	private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	private static final String LOG_SORT = "ACCESSED_AT:DESC";

	private final PartnerMapper partners;

	private final FieldPolicy policy;

	private final IdGenerator ids;

	private final PlatformProperties properties;

	PartnerService(PartnerMapper partners, FieldPolicy policy, IdGenerator ids, PlatformProperties properties) {
		this.partners = partners;
		this.policy = policy;
		this.ids = ids;
		this.properties = properties;
	}

	@Override
	public Set<String> approvedFields(String partnerId) {
		return (partnerId != null) ? Set.copyOf(this.partners.selectApprovedFields(partnerId)) : Set.of();
	}

	@Override
	public void logAccess(String partnerId, String operation, Set<Long> householdIds, Set<String> fields) {
		String idList = householdIds.stream().map(String::valueOf).collect(Collectors.joining(","));
		this.partners.insertAccess(this.ids.nextId(), (partnerId != null) ? partnerId : "unknown",
				(operation != null && operation.length() > 128) ? operation.substring(0, 128) : operation, idList,
				String.join(",", fields));
	}

	@PreAuthorize("hasRole('COUNTY_ADMIN')")
	public List<String> approvedFieldList(String partnerId) {
		return this.partners.selectApprovedFields(partnerId);
	}

	@Transactional
	@PreAuthorize("hasRole('COUNTY_ADMIN')")
	public List<String> setApprovedFields(Caller caller, String partnerId, List<String> fields) {
		Violations violations = new Violations();
		if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
			violations.badRequest("input.partnerId", "must be a partner client id such as partner-bank");
		}
		Set<String> unique = new LinkedHashSet<>();
		List<PartnerMapper.FieldRef> rows = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			String field = fields.get(i);
			String[] parts = (field != null) ? field.split("\\.", -1) : new String[0];
			if (parts.length != 2 || !this.policy.isField(parts[0], parts[1])) {
				violations.badRequest("input.fields[" + i + "]",
						"is not Type.field of a household-level type (" + this.policy.personalTypes().keySet() + ")");
			}
			else if (unique.add(field)) {
				rows.add(new PartnerMapper.FieldRef(parts[0], parts[1]));
			}
		}
		violations.throwIfAny();
		this.partners.deleteApprovedFields(partnerId);
		if (!rows.isEmpty()) {
			this.partners.insertApprovedFields(partnerId, rows, caller.username());
		}
		return this.partners.selectApprovedFields(partnerId);
	}

	@PreAuthorize("hasRole('COUNTY_ADMIN')")
	public Page<PartnerAccessEntry> accessLog(String partnerId, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, LOG_SORT, this.properties.maxPageSize());
		Cursor cursor = request.after();
		LocalDateTime afterAt = null;
		if (cursor != null) {
			try {
				afterAt = LocalDateTime.parse(cursor.value());
			}
			catch (RuntimeException ex) {
				throw DomainException.badRequest("after", "is not a cursor returned by this list");
			}
		}
		List<PartnerAccessEntry> rows = this.partners.selectAccessPage(partnerId, afterAt,
				(cursor != null) ? cursor.id() : null, request.limit());
		return Page.of(rows, request.first(), cursor != null, (row) -> new Cursor(LOG_SORT,
				row.accessedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString(), row.id())
			.encode());
	}

}
