package cn.county.platform.disability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.job.Holder;
import cn.county.platform.job.Holders;
import cn.county.platform.medical.MemberHealth;
import cn.county.platform.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disabled persons' federation's records: disability certificates and the services it
 * provides (home adaptations, assistive devices, rehabilitation for children). A
 * certificate issued or revoked makes {@code member.health} and
 * {@code member.disability_grade} follow ({@link MemberHealth}). Health records: the
 * schema refuses their lists to whoever may not read {@code Member.health}.
 */
@Service
public class DisabilityFederationService {

	/** Certificates are the federation's to issue: the county and DISABLED_FEDERATION. */
	static final String CERTIFICATE_WRITERS = "hasRole('COUNTY_ADMIN')"
			+ " or @departments.is(authentication, 'DISABLED_FEDERATION')";

	/**
	 * Services are delivered through the towns' disabled persons' associations (乡镇残联), so
	 * town officials record them in their town too.
	 */
	static final String SERVICE_WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'DISABLED_FEDERATION')";

	private final DisabilityMapper records;

	private final Holders members;

	private final MemberHealth health;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	DisabilityFederationService(DisabilityMapper records, Holders members, MemberHealth health, IdGenerator ids,
			Clock clock, AuditTrail audit) {
		this.records = records;
		this.members = members;
		this.health = health;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	public Map<Long, List<DisabilityCertificate>> certificatesOf(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.records.selectCertificatesByMemberIds(memberIds)
			.stream()
			.collect(Collectors.groupingBy(DisabilityCertificate::memberId));
	}

	public Map<Long, List<DisabilityService>> servicesOf(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.records.selectServicesByMemberIds(memberIds)
			.stream()
			.collect(Collectors.groupingBy(DisabilityService::memberId));
	}

	/**
	 * Issues a certificate. A member holds one certificate at a time: one still in force
	 * is revoked on the new one's issue date (换证, a new assessment), and each revocation
	 * is audited.
	 */
	@Transactional
	@PreAuthorize(CERTIFICATE_WRITERS)
	public DisabilityCertificate issue(Caller caller, Inputs.IssueDisabilityCertificateInput input) {
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.kind(), "input.kind");
		violations.required(input.grade(), "input.grade").between(input.grade(), "input.grade", 1, 4);
		violations.required(input.issuedOn(), "input.issuedOn");
		violations.notFuture(input.issuedOn(), "input.issuedOn", LocalDate.now(this.clock));
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		if (input.issuedOn().isBefore(member.birthDate())) {
			throw DomainException.badRequest("input.issuedOn", "is before the member's birth date");
		}
		List<DisabilityCertificate> held = this.records.selectCertificatesByMemberIds(List.of(member.id()));
		for (DisabilityCertificate replaced : held) {
			if (replaced.revokedOn() != null) {
				continue;
			}
			if (replaced.issuedOn().isAfter(input.issuedOn())) {
				throw DomainException.conflict("input.issuedOn",
						"the member holds a certificate issued later, on " + replaced.issuedOn());
			}
			this.records.revoke(replaced.id(), input.issuedOn());
			this.audit.record(caller, "issueDisabilityCertificate", "DisabilityCertificate", replaced.id(), replaced,
					this.records.selectCertificateById(replaced.id()));
		}
		DisabilityCertificate certificate = new DisabilityCertificate(this.ids.nextId(), member.id(),
				member.householdId(), input.kind(), input.grade(), input.issuedOn(), null, caller.username(), 0, null);
		this.records.insertCertificate(certificate);
		this.health.follow(member.id());
		DisabilityCertificate issued = this.records.selectCertificateById(certificate.id());
		this.audit.record(caller, "issueDisabilityCertificate", "DisabilityCertificate", certificate.id(), null,
				issued);
		return issued;
	}

	@Transactional
	@PreAuthorize(CERTIFICATE_WRITERS)
	public DisabilityCertificate revoke(Caller caller, Inputs.RevokeDisabilityCertificateInput input) {
		Violations violations = new Violations();
		violations.required(input.id(), "input.id");
		violations.required(input.revokedOn(), "input.revokedOn");
		violations.notFuture(input.revokedOn(), "input.revokedOn", LocalDate.now(this.clock));
		violations.throwIfAny();
		DisabilityCertificate current = this.members.lockRecord(caller, input.id(), input.version(),
				this.records::selectCertificateById, DisabilityCertificate::memberId, DisabilityCertificate::version,
				"disability certificate");
		if (current.revokedOn() != null) {
			throw DomainException.conflict("input.id", "the certificate was revoked on " + current.revokedOn());
		}
		if (input.revokedOn().isBefore(current.issuedOn())) {
			throw DomainException.badRequest("input.revokedOn",
					"is before the certificate's issue date (" + current.issuedOn() + ")");
		}
		this.records.revoke(current.id(), input.revokedOn());
		this.health.follow(current.memberId());
		DisabilityCertificate revoked = this.records.selectCertificateById(current.id());
		this.audit.record(caller, "revokeDisabilityCertificate", "DisabilityCertificate", current.id(), current,
				revoked);
		return revoked;
	}

	@Transactional
	@PreAuthorize(SERVICE_WRITERS)
	public DisabilityService record(Caller caller, Inputs.RecordDisabilityServiceInput input) {
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.kind(), "input.kind");
		violations.text(input.description(), "input.description", 200);
		violations.required(input.providedOn(), "input.providedOn");
		violations.notFuture(input.providedOn(), "input.providedOn", LocalDate.now(this.clock));
		violations.yuan(input.amount(), "input.amount", false, Violations.MAX_YUAN);
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		if (input.kind() == DisabilityServiceKind.CHILD_REHABILITATION
				&& Period.between(member.birthDate(), input.providedOn())
					.getYears() >= DisabilityServiceKind.CHILD_AGE_LIMIT) {
			throw DomainException.badRequest("input.kind",
					"CHILD_REHABILITATION is for members under " + DisabilityServiceKind.CHILD_AGE_LIMIT);
		}
		DisabilityService service = new DisabilityService(this.ids.nextId(), member.id(), member.householdId(),
				input.kind(), input.description().strip(), input.providedOn(), input.amount(), caller.username(), 0,
				null);
		this.records.insertService(service);
		DisabilityService recorded = this.records.selectServiceById(service.id());
		this.audit.record(caller, "recordDisabilityService", "DisabilityService", service.id(), null, recorded);
		return recorded;
	}

}
