package cn.county.platform.education;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violations;
import cn.county.platform.household.Schooling;
import cn.county.platform.job.Holder;
import cn.county.platform.job.Holders;
import cn.county.platform.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Education's records (item 6: no school-age child drops out): a member's schooling as a
 * history of changes, and education aid. The member's current {@code schooling} follows
 * the newest record, written in the same transaction, so the dashboard's "school-age
 * children not in school" and the screening keep reading one column of {@code member}.
 */
@Service
public class EducationService {

	/**
	 * Schooling changes: the county, the EDUCATION bureau county-wide, and town officials
	 * in their town (town governments answer for keeping children in school with the
	 * schools, 控辍保学 is theirs too). Village cadres report drop-outs to the town; they do
	 * not record them.
	 */
	static final String SCHOOLING_WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')"
			+ " or @departments.is(authentication, 'EDUCATION')";

	/** Aid is granted and paid by the education bureau: the county and EDUCATION only. */
	static final String AID_WRITERS = "hasRole('COUNTY_ADMIN') or @departments.is(authentication, 'EDUCATION')";

	private static final Set<Schooling> LEVELS = Set.of(Schooling.COMPULSORY, Schooling.HIGH_SCHOOL,
			Schooling.VOCATIONAL, Schooling.COLLEGE);

	private static final BigDecimal MAX_AID = new BigDecimal("200000");

	private final EducationMapper records;

	private final Holders members;

	private final IdGenerator ids;

	private final Clock clock;

	private final AuditTrail audit;

	EducationService(EducationMapper records, Holders members, IdGenerator ids, Clock clock, AuditTrail audit) {
		this.records = records;
		this.members = members;
		this.ids = ids;
		this.clock = clock;
		this.audit = audit;
	}

	public Map<Long, List<SchoolingRecord>> schoolingOf(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.records.selectSchoolingByMemberIds(memberIds)
			.stream()
			.collect(Collectors.groupingBy(SchoolingRecord::memberId));
	}

	public Map<Long, List<EducationAid>> aidOf(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.records.selectAidByMemberIds(memberIds)
			.stream()
			.collect(Collectors.groupingBy(EducationAid::memberId));
	}

	/**
	 * Appends a change to the member's schooling history; when it is the newest record,
	 * the member's {@code schooling} becomes what it says.
	 */
	@Transactional
	@PreAuthorize(SCHOOLING_WRITERS)
	public SchoolingRecord recordChange(Caller caller, Inputs.RecordSchoolingChangeInput input) {
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.status(), "input.status");
		violations.required(input.effectiveOn(), "input.effectiveOn");
		violations.notFuture(input.effectiveOn(), "input.effectiveOn", LocalDate.now(this.clock));
		if (input.status() != null && input.status().inSchool()) {
			violations.required(input.level(), "input.level");
			if (input.level() != null && !LEVELS.contains(input.level())) {
				violations.badRequest("input.level", "must be COMPULSORY, HIGH_SCHOOL, VOCATIONAL or COLLEGE");
			}
			violations.text(input.school(), "input.school", 100);
		}
		else if (input.status() != null) {
			if (input.level() != null) {
				violations.badRequest("input.level", "is left out for DROPPED_OUT");
			}
			violations.optionalText(input.school(), "input.school", 100);
		}
		violations.optionalText(input.note(), "input.note", 200);
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		if (input.effectiveOn().isBefore(member.birthDate())) {
			throw DomainException.badRequest("input.effectiveOn", "is before the member's birth date");
		}
		SchoolingRecord record = new SchoolingRecord(this.ids.nextId(), member.id(), member.householdId(),
				input.status(), input.status().inSchool() ? input.level() : null, Violations.strip(input.school()),
				input.effectiveOn(), Violations.strip(input.note()), caller.username(), 0, null);
		this.records.insertSchooling(record);
		follow(member.id());
		SchoolingRecord recorded = this.records.selectSchoolingById(record.id());
		this.audit.record(caller, "recordSchoolingChange", "SchoolingRecord", record.id(), null, recorded);
		return recorded;
	}

	/**
	 * Corrects the school's name or the note of a record; its status, level and date are
	 * history and change only by a newer record.
	 */
	@Transactional
	@PreAuthorize(SCHOOLING_WRITERS)
	public SchoolingRecord correct(Caller caller, Inputs.CorrectSchoolingRecordInput input) {
		Violations violations = new Violations();
		violations.required(input.id(), "input.id");
		violations.optionalText(input.school(), "input.school", 100);
		violations.optionalText(input.note(), "input.note", 200);
		violations.throwIfAny();
		SchoolingRecord current = this.members.lockRecord(caller, input.id(), input.version(),
				this.records::selectSchoolingById, SchoolingRecord::memberId, SchoolingRecord::version,
				"schooling record");
		this.records.correctSchooling(current.id(), Violations.strip(input.school()), Violations.strip(input.note()));
		SchoolingRecord corrected = this.records.selectSchoolingById(current.id());
		this.audit.record(caller, "correctSchoolingRecord", "SchoolingRecord", current.id(), current, corrected);
		return corrected;
	}

	@Transactional
	@PreAuthorize(AID_WRITERS)
	public EducationAid grantAid(Caller caller, Inputs.GrantEducationAidInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.memberId(), "input.memberId");
		violations.required(input.kind(), "input.kind");
		violations.required(input.amount(), "input.amount").yuan(input.amount(), "input.amount", true, MAX_AID);
		violations.required(input.schoolYear(), "input.schoolYear")
			.between(input.schoolYear(), "input.schoolYear", 2000, today.getYear());
		violations.required(input.term(), "input.term").between(input.term(), "input.term", 1, 2);
		violations.required(input.grantedOn(), "input.grantedOn");
		violations.notFuture(input.grantedOn(), "input.grantedOn", today);
		violations.throwIfAny();
		Holder member = this.members.lock(caller, input.memberId(), "input.memberId");
		EducationAid aid = new EducationAid(this.ids.nextId(), member.id(), member.householdId(), input.kind(),
				input.amount(), input.schoolYear(), input.term(), input.grantedOn(), caller.username(), 0, null);
		try {
			this.records.insertAid(aid);
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("input.term", "member " + member.id() + " already has " + input.kind()
					+ " for term " + input.term() + " of school year " + input.schoolYear());
		}
		EducationAid granted = this.records.selectAidById(aid.id());
		this.audit.record(caller, "grantEducationAid", "EducationAid", aid.id(), null, granted);
		return granted;
	}

	/** The member's schooling becomes what its newest record says. */
	private void follow(long memberId) {
		SchoolingRecord newest = this.records.selectNewestSchooling(memberId);
		if (newest != null) {
			this.records.updateMemberSchooling(memberId, newest.status().schooling(newest.level()));
		}
	}

}
