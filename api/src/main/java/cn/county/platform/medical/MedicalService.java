package cn.county.platform.medical;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.job.Holder;
import cn.county.platform.job.Holders;
import cn.county.platform.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medical care (item 7, 三重保障): insurance enrolments per year and scheme with who paid the
 * premium, chronic and special illness identifications, family-doctor contracts. These
 * are health records: the schema refuses their lists to whoever may not read
 * {@code Member.health}, and the controller does not load them for such a caller. An
 * identification written or ended makes {@code member.health} follow
 * ({@link MemberHealth}).
 */
@Service
public class MedicalService {

	/**
	 * Enrolments: the county, the MEDICAL_INSURANCE bureau county-wide, and town
	 * officials in their town, who collect the premiums (乡镇代收代缴).
	 */
	static final String ENROLMENT_WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'MEDICAL_INSURANCE')";

	/**
	 * Illness identifications are a medical decision: the county, MEDICAL_INSURANCE
	 * (which identifies outpatient chronic and special illness) and HEALTH; not towns.
	 */
	static final String ILLNESS_WRITERS = "hasRole('COUNTY_ADMIN')"
			+ " or @departments.is(authentication, 'MEDICAL_INSURANCE') or @departments.is(authentication, 'HEALTH')";

	/** Family doctors are the health commission's: the county and HEALTH. */
	static final String CONTRACT_WRITERS = "hasRole('COUNTY_ADMIN') or @departments.is(authentication, 'HEALTH')";

	private static final BigDecimal MAX_PREMIUM = new BigDecimal("99999999.99");

	private final MedicalMapper records;

	private final Holders members;

	private final MemberHealth health;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	MedicalService(MedicalMapper records, Holders members, MemberHealth health, IdGenerator ids, Clock clock,
			AuditTrail audit) {
		this.records = records;
		this.members = members;
		this.health = health;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	public Map<Long, List<InsuranceEnrolment>> enrolmentsOf(Collection<Long> memberIds) {
		return group(memberIds, this.records::selectEnrolmentsByMemberIds, InsuranceEnrolment::memberId);
	}

	public Map<Long, List<IllnessIdentification>> illnessesOf(Collection<Long> memberIds) {
		return group(memberIds, this.records::selectIllnessesByMemberIds, IllnessIdentification::memberId);
	}

	public Map<Long, List<FamilyDoctorContract>> contractsOf(Collection<Long> memberIds) {
		return group(memberIds, this.records::selectContractsByMemberIds, FamilyDoctorContract::memberId);
	}

	@Transactional
	@PreAuthorize(ENROLMENT_WRITERS)
	public InsuranceEnrolment enrol(Caller caller, Inputs.EnrolInInsuranceInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.year(), "input.year").between(input.year(), "input.year", 2000, today.getYear() + 1);
		violations.required(input.scheme(), "input.scheme");
		violations.required(input.premium(), "input.premium")
			.yuan(input.premium(), "input.premium", false, MAX_PREMIUM);
		violations.required(input.governmentShare(), "input.governmentShare")
			.yuan(input.governmentShare(), "input.governmentShare", false, MAX_PREMIUM);
		if (input.premium() != null && input.governmentShare() != null
				&& input.governmentShare().compareTo(input.premium()) > 0) {
			violations.badRequest("input.governmentShare", "is more than the premium");
		}
		violations.required(input.enrolledOn(), "input.enrolledOn");
		violations.notFuture(input.enrolledOn(), "input.enrolledOn", today);
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		InsuranceEnrolment enrolment = new InsuranceEnrolment(this.ids.nextId(), member.id(), member.householdId(),
				input.year(), input.scheme(), input.premium(), input.governmentShare(), input.enrolledOn(),
				caller.username(), 0, null);
		try {
			this.records.insertEnrolment(enrolment);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("input.scheme",
					"member " + member.id() + " is already enrolled in " + input.scheme() + " for " + input.year());
		}
		InsuranceEnrolment enrolled = this.records.selectEnrolmentById(enrolment.id());
		this.audit.record(caller, "enrolInInsurance", "InsuranceEnrolment", enrolment.id(), null, enrolled);
		return enrolled;
	}

	@Transactional
	@PreAuthorize(ILLNESS_WRITERS)
	public IllnessIdentification identify(Caller caller, Inputs.IdentifyIllnessInput input) {
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.kind(), "input.kind");
		violations.text(input.disease(), "input.disease", 64);
		violations.required(input.identifiedOn(), "input.identifiedOn");
		violations.notFuture(input.identifiedOn(), "input.identifiedOn", LocalDate.now(this.clock));
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		IllnessIdentification identification = new IllnessIdentification(this.ids.nextId(), member.id(),
				member.householdId(), input.kind(), input.disease().strip(), input.identifiedOn(), null,
				caller.username(), 0, null);
		this.records.insertIllness(identification);
		this.health.follow(member.id());
		IllnessIdentification identified = this.records.selectIllnessById(identification.id());
		this.audit.record(caller, "identifyIllness", "IllnessIdentification", identification.id(), null, identified);
		return identified;
	}

	@Transactional
	@PreAuthorize(ILLNESS_WRITERS)
	public IllnessIdentification end(Caller caller, Inputs.EndIllnessIdentificationInput input) {
		Violations violations = new Violations();
		violations.required(input.id(), "input.id");
		violations.required(input.endedOn(), "input.endedOn");
		violations.notFuture(input.endedOn(), "input.endedOn", LocalDate.now(this.clock));
		violations.throwIfAny();
		IllnessIdentification current = this.members.lockRecord(caller, input.id(), input.version(),
				this.records::selectIllnessById, IllnessIdentification::memberId, IllnessIdentification::version,
				"illness identification");
		if (current.endedOn() != null) {
			throw DomainException.conflict("input.id", "the identification ended on " + current.endedOn());
		}
		if (input.endedOn().isBefore(current.identifiedOn())) {
			throw DomainException.badRequest("input.endedOn",
					"is before the identification (" + current.identifiedOn() + ")");
		}
		this.records.endIllness(current.id(), input.endedOn());
		this.health.follow(current.memberId());
		IllnessIdentification ended = this.records.selectIllnessById(current.id());
		this.audit.record(caller, "endIllnessIdentification", "IllnessIdentification", current.id(), current, ended);
		return ended;
	}

	@Transactional
	@PreAuthorize(CONTRACT_WRITERS)
	public FamilyDoctorContract sign(Caller caller, Inputs.SignFamilyDoctorContractInput input) {
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.text(input.doctor(), "input.doctor", 64);
		violations.text(input.clinic(), "input.clinic", 100);
		violations.required(input.signedOn(), "input.signedOn");
		violations.notFuture(input.signedOn(), "input.signedOn", LocalDate.now(this.clock));
		violations.required(input.endsOn(), "input.endsOn");
		if (input.signedOn() != null && input.endsOn() != null && !input.endsOn().isAfter(input.signedOn())) {
			violations.badRequest("input.endsOn", "must be after input.signedOn");
		}
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		if (this.records.contractOverlaps(member.id(), input.signedOn(), input.endsOn())) {
			throw DomainException.conflict("input.signedOn",
					"member " + member.id() + " already has a family-doctor contract in that period");
		}
		FamilyDoctorContract contract = new FamilyDoctorContract(this.ids.nextId(), member.id(), member.householdId(),
				input.doctor().strip(), input.clinic().strip(), input.signedOn(), input.endsOn(), caller.username(), 0,
				null);
		this.records.insertContract(contract);
		FamilyDoctorContract signed = this.records.selectContractById(contract.id());
		this.audit.record(caller, "signFamilyDoctorContract", "FamilyDoctorContract", contract.id(), null, signed);
		return signed;
	}

	private static <T> Map<Long, List<T>> group(Collection<Long> memberIds, Function<Collection<Long>, List<T>> select,
			Function<T, Long> memberId) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return select.apply(memberIds).stream().collect(Collectors.groupingBy(memberId));
	}

}
