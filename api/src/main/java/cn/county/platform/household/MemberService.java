package cn.county.platform.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ResidentIdNumber;
import cn.county.platform.common.Violations;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members: added, corrected and removed by the town and, for their own village, by
 * village cadres on visits. The head is registered with the household and stays its head;
 * changing the head's name or ID number changes the household's head fields in the same
 * transaction.
 */
@Service
public class MemberService {

	private final MemberMapper members;

	private final HouseholdMapper households;

	private final HouseholdService householdService;

	private final Clock clock;

	private final AuditTrail audit;

	MemberService(MemberMapper members, HouseholdMapper households, HouseholdService householdService, Clock clock,
			AuditTrail audit) {
		this.audit = audit;
		this.members = members;
		this.households = households;
		this.householdService = householdService;
		this.clock = clock;
	}

	public Member byId(Caller caller, long id) {
		return this.members.selectById(id, caller.scope());
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')")
	public Member add(Caller caller, Inputs.AddMemberInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		MemberRules.checkAdded(input.relation(), input.member(), today, violations);
		violations.throwIfAny();
		this.householdService.lock(caller, input.householdId(), null, "input.householdId");
		String idNumber = MemberRules.normalizeIdNumber(input.member().idNumber());
		refuseDuplicate(idNumber, input.householdId(), "input.member.idNumber");
		Member member = this.householdService.newMember(input.householdId(), input.relation(), input.member());
		this.members.insert(member);
		Member added = this.members.selectById(member.id(), Scope.COUNTY);
		this.audit.record(caller, "addMember", "Member", added.id(), null, added);
		return added;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')")
	public Member update(Caller caller, Inputs.UpdateMemberInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Member current = lock(caller, input.id(), input.version());
		Violations violations = new Violations();
		violations.optionalText(input.name(), "input.name", MemberRules.NAME_LENGTH);
		if (input.relation() != null && (input.relation() == Relation.HEAD) != (current.relation() == Relation.HEAD)) {
			violations.badRequest("input.relation", "cannot make a member head or stop the head being head");
		}
		String idNumber = (input.idNumber() != null) ? MemberRules.normalizeIdNumber(input.idNumber())
				: current.idNumber();
		boolean identityChanges = input.idNumber() != null || input.birthDate() != null || input.gender() != null;
		if (identityChanges) {
			// the stored birth date and gender follow a new ID number unless new ones are
			// given with it
			MemberRules.checkIdentity(idNumber,
					(input.birthDate() != null) ? input.birthDate()
							: (input.idNumber() != null) ? null : current.birthDate(),
					(input.gender() != null) ? input.gender() : (input.idNumber() != null) ? null : current.gender(),
					"input", today, violations);
		}
		Health health = (input.health() != null) ? input.health() : current.health();
		Integer grade = (input.disabilityGrade() != null) ? input.disabilityGrade()
				: (health == Health.DISABLED) ? current.disabilityGrade() : null;
		MemberRules.checkDisability(health, grade, "input", violations);
		violations.throwIfAny();
		if (input.idNumber() != null && !idNumber.equals(current.idNumber())) {
			refuseDuplicate(idNumber, current.householdId(), "input.idNumber");
		}
		Inputs.UpdateMemberInput changes = input;
		if (input.idNumber() != null) {
			changes = new Inputs.UpdateMemberInput(input.id(), input.version(), input.name(), idNumber,
					input.relation(), Gender.valueOf(ResidentIdNumber.gender(idNumber)),
					ResidentIdNumber.birthDate(idNumber).orElseThrow(), input.schooling(), input.health(),
					input.disabilityGrade(), input.labourCapacity(), input.willingToWork());
		}
		this.members.update(current.id(), changes, health != Health.DISABLED && current.disabilityGrade() != null);
		if (current.relation() == Relation.HEAD && (input.name() != null || input.idNumber() != null)) {
			this.households.updateHead(current.householdId(),
					(input.name() != null) ? input.name().strip() : current.name(), idNumber);
		}
		Member updated = this.members.selectById(current.id(), Scope.COUNTY);
		this.audit.record(caller, "updateMember", "Member", current.id(), current, updated);
		return updated;
	}

	/** Removes the member and answers with the id of the household it belonged to. */
	@Transactional
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL', 'VILLAGE_CADRE')")
	public long remove(Caller caller, Inputs.RemoveMemberInput input) {
		Member current = lock(caller, input.id(), input.version());
		if (current.relation() == Relation.HEAD) {
			throw DomainException.conflict("input.id", "is the head of the household, who cannot be removed");
		}
		this.members.delete(current.id());
		this.audit.record(caller, "removeMember", "Member", current.id(), current, null);
		return current.householdId();
	}

	private Member lock(Caller caller, Long id, Integer expectedVersion) {
		Integer version = this.members.lockVersion(Violations.require(id, "input.id"), caller.scope());
		if (version == null) {
			throw DomainException.notFound("input.id", "member " + id);
		}
		Violations.notStale(expectedVersion, version, "member");
		return this.members.selectById(id, Scope.COUNTY);
	}

	private void refuseDuplicate(String idNumber, long householdId, String field) {
		DomainException duplicate = duplicate(this.members.lockHouseholdsByIdNumber(idNumber), householdId, field);
		if (duplicate != null) {
			throw duplicate;
		}
	}

	/**
	 * The conflict of an ID number the given households hold already, null when none
	 * does: {@link #add} and {@link HouseholdBatch}.
	 */
	static DomainException duplicate(Collection<Long> holders, long householdId, String field) {
		if (holders.contains(householdId)) {
			return DomainException.conflict(field, "is already registered in this household");
		}
		if (!holders.isEmpty()) {
			return DomainException.conflict(field, "is already registered in another household");
		}
		return null;
	}

}
