package cn.county.platform.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.NewestFirst;
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
 * The county's decisions about what each partner may read, and the record of what
 * partners did read. Approved sets are read from the database at the start of each
 * partner request, so a change is in force at once on every API instance.
 */
@Service
public class PartnerService implements PartnerAccess {

	private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	private final PartnerMapper partners;

	private final FieldPolicy policy;

	private final IdGenerator ids;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	PartnerService(PartnerMapper partners, FieldPolicy policy, IdGenerator ids, PlatformProperties properties,
			AuditTrail audit) {
		this.audit = audit;
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
	public void logAccess(PartnerAccess.Read read) {
		String idList = read.householdIds().stream().map(String::valueOf).collect(Collectors.joining(","));
		String operation = read.operation();
		this.partners.insertAccess(this.ids.nextId(), (read.partnerId() != null) ? read.partnerId() : "unknown",
				(operation != null && operation.length() > 128) ? operation.substring(0, 128) : operation, idList,
				String.join(",", read.fields()), read.documentHash(), LoggedVariables.json(read.variables()),
				read.outcome().name());
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
		List<String> before = this.partners.selectApprovedFields(partnerId);
		this.partners.deleteApprovedFields(partnerId);
		if (!rows.isEmpty()) {
			this.partners.insertApprovedFields(partnerId, rows, caller.username());
		}
		List<String> after = this.partners.selectApprovedFields(partnerId);
		this.audit.record(caller, "setPartnerApprovedFields", "PartnerApproval:" + partnerId, null, before, after);
		return after;
	}

	@PreAuthorize("hasRole('COUNTY_ADMIN')")
	public Page<PartnerAccessEntry> accessLog(String partnerId, Integer first, String after) {
		PageRequest request = NewestFirst.request(first, after, this.properties.maxPageSize());
		List<PartnerAccessEntry> rows = this.partners.selectAccessPage(partnerId, NewestFirst.time(request),
				request.afterId(), request.limit());
		return NewestFirst.page(rows, request, PartnerAccessEntry::accessedAt, PartnerAccessEntry::id);
	}

}
