package cn.county.platform.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.BatchStatements;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers many new households with their members at once, for an import (the roster):
 * each household meets the rules of {@link HouseholdService#create},
 * {@link HouseholdService#eliminateRisk}, {@link HouseholdService#update} (its screening
 * date) and {@link MemberService#add} in the order its one-by-one writes would meet them,
 * and is refused whole or written whole; the lot is then written in a few multi-row
 * statements instead of some twenty statements a household. The audit trail gets the
 * entries the one-by-one writes give ({@code createHousehold},
 * {@code eliminateHouseholdRisk}, {@code updateHousehold}, {@code addMember}, with the
 * states before and after as read back), and the dashboard's versions move for the towns
 * written, as for any write.
 * <p>
 * Runs in the caller's transaction. A statement that fails (another writer registering
 * the same code at the same moment) fails the lot: the caller rolls back and writes the
 * households one by one through the services instead.
 */
@Component
public class HouseholdBatch {

	/** At most this many rows go into one statement. */
	private static final int ROWS_PER_STATEMENT = 1000;

	private final HouseholdMapper households;

	private final MemberMapper members;

	private final RegionMapper regions;

	private final HouseholdService service;

	private final AuditTrail audit;

	private final IdGenerator ids;

	private final BatchStatements batch;

	private final Clock clock;

	HouseholdBatch(HouseholdMapper households, MemberMapper members, RegionMapper regions, HouseholdService service,
			AuditTrail audit, IdGenerator ids, BatchStatements batch, Clock clock) {
		this.ids = ids;
		this.batch = batch;
		this.households = households;
		this.members = members;
		this.regions = regions;
		this.service = service;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A household to register: its registration, then (a roster's further columns) the
	 * day its risk was eliminated when it was, the day it was last screened, and the
	 * members after its head.
	 */
	public record NewHousehold(Inputs.CreateHouseholdInput input, boolean riskEliminated, LocalDate riskEliminatedOn,
			LocalDate screenedOn, List<NewMember> members) {
	}

	/** A member after the head. */
	public record NewMember(Relation relation, Inputs.MemberFields fields) {
	}

	/**
	 * Why a household was refused: which of its writes met the refusal ({@code -1} the
	 * household's own, else the index of the member in {@link NewHousehold#members}).
	 */
	public record Refusal(int member, DomainException reason) {
	}

	/** One risk cause of a household, a row of {@code household_risk_cause}. */
	record Cause(long householdId, RiskCause cause) {
	}

	/** Which of the codes are registered already. */
	public Set<String> registered(Collection<String> codes) {
		Set<String> registered = new HashSet<>();
		List<String> all = new ArrayList<>(codes);
		for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
			registered.addAll(this.households
				.selectExistingCodes(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT))));
		}
		return registered;
	}

	/**
	 * Registers the households that meet the rules; answers, in the order given, null for
	 * a household written and its refusal for one refused (nothing of it written).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL')")
	public List<Refusal> createAll(Caller caller, List<NewHousehold> batch) {
		LocalDate today = LocalDate.now(this.clock);
		Refusal[] refusals = new Refusal[batch.size()];
		Map<String, Village> villages = new HashMap<>();
		Set<String> codes = new LinkedHashSet<>();
		Set<String> idNumbers = new LinkedHashSet<>();
		for (NewHousehold household : batch) {
			if (household.input().code() != null) {
				codes.add(household.input().code().strip());
			}
			if (household.input().head() != null && household.input().head().idNumber() != null) {
				idNumbers.add(MemberRules.normalizeIdNumber(household.input().head().idNumber()));
			}
			for (NewMember member : household.members()) {
				if (member.fields() != null && member.fields().idNumber() != null) {
					idNumbers.add(MemberRules.normalizeIdNumber(member.fields().idNumber()));
				}
			}
		}
		Set<String> takenCodes = registered(codes);
		Set<String> takenIds = idNumbers.isEmpty() ? new HashSet<>() : new HashSet<>(lockIdNumbers(idNumbers));
		List<Household> rows = new ArrayList<>();
		List<Cause> causes = new ArrayList<>();
		List<Member> memberRows = new ArrayList<>();
		List<Long> added = new ArrayList<>();
		List<Integer> written = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			NewHousehold household = batch.get(i);
			refusals[i] = check(caller, household, today, villages, takenCodes, takenIds);
			if (refusals[i] != null) {
				continue;
			}
			Village village = villages.get(household.input().villageCode());
			// what this household holds now counts for the next ones, as a written
			// household would
			takenCodes.add(household.input().code().strip());
			takenIds.add(MemberRules.normalizeIdNumber(household.input().head().idNumber()));
			household.members()
				.forEach((member) -> takenIds.add(MemberRules.normalizeIdNumber(member.fields().idNumber())));
			Household row = this.service.newHousehold(this.ids.nextId(), household.input(), village);
			rows.add(row);
			if (household.input().monitoring() != null) {
				new java.util.TreeSet<>(household.input().monitoring().causes())
					.forEach((cause) -> causes.add(new Cause(row.id(), cause)));
			}
			memberRows.add(this.service.newMember(row.id(), Relation.HEAD, household.input().head()));
			for (NewMember member : household.members()) {
				Member memberRow = this.service.newMember(row.id(), member.relation(), member.fields());
				memberRows.add(memberRow);
				added.add(memberRow.id());
			}
			written.add(i);
		}
		if (rows.isEmpty()) {
			return java.util.Arrays.asList(refusals);
		}
		this.batch.run(HouseholdMapper.class, (mapper) -> {
			rows.forEach(mapper::insert);
			// a cause a statement: the same SQL for every row, so one batch
			causes.forEach((cause) -> mapper.insertRiskCauses(cause.householdId(), Set.of(cause.cause())));
		});
		this.batch.run(MemberMapper.class, (mapper) -> memberRows.forEach(mapper::insert));
		write(caller, batch, rows, written, added);
		return java.util.Arrays.asList(refusals);
	}

	/**
	 * The rules, and the conflicts with what is registered and with the households before
	 * it in the batch, in the order the one-by-one writes meet them.
	 */
	private Refusal check(Caller caller, NewHousehold household, LocalDate today, Map<String, Village> villages,
			Set<String> takenCodes, Set<String> takenIds) {
		Inputs.CreateHouseholdInput input = household.input();
		Village village = null;
		if (input.villageCode() != null) {
			village = villages.computeIfAbsent(input.villageCode(), this.regions::selectVillage);
		}
		Violations violations = new Violations();
		this.service.checkNew(input, village, today, violations);
		if (!violations.isEmpty()) {
			return new Refusal(-1, refusal(violations));
		}
		if (!caller.scope().covers(village.townCode(), village.code())) {
			return new Refusal(-1, new DomainException(new Violation("input.villageCode",
					"is outside the caller's town or village", ErrorClassification.FORBIDDEN)));
		}
		Violations conflicts = new Violations();
		String head = MemberRules.normalizeIdNumber(input.head().idNumber());
		if (takenCodes.contains(input.code().strip())) {
			conflicts.conflict("input.code", "is already used by another household");
		}
		if (takenIds.contains(head)) {
			conflicts.conflict("input.head.idNumber", "is already registered in another household");
		}
		if (!conflicts.isEmpty()) {
			return new Refusal(-1, refusal(conflicts));
		}
		if (household.riskEliminated() && input.monitoring() != null) {
			Violations elimination = new Violations();
			elimination.required(household.riskEliminatedOn(), "input.eliminatedOn");
			elimination.notFuture(household.riskEliminatedOn(), "input.eliminatedOn", today);
			if (!elimination.isEmpty()) {
				return new Refusal(-1, refusal(elimination));
			}
			Household registered = this.service.newHousehold(0, input, village);
			DomainException refused = HouseholdService.eliminationRefusal(registered, household.riskEliminatedOn());
			if (refused != null) {
				return new Refusal(-1, refused);
			}
		}
		if (household.screenedOn() != null) {
			Violations screening = new Violations();
			screening.notFuture(household.screenedOn(), "input.screenedOn", today);
			if (!screening.isEmpty()) {
				return new Refusal(-1, refusal(screening));
			}
		}
		Set<String> own = new HashSet<>();
		own.add(head);
		for (int m = 0; m < household.members().size(); m++) {
			NewMember member = household.members().get(m);
			Violations added = new Violations();
			MemberRules.checkAdded(member.relation(), member.fields(), today, added);
			if (!added.isEmpty()) {
				return new Refusal(m, refusal(added));
			}
			String idNumber = MemberRules.normalizeIdNumber(member.fields().idNumber());
			DomainException duplicate = MemberService.duplicate(
					own.contains(idNumber) ? List.of(0L) : takenIds.contains(idNumber) ? List.of(-1L) : List.of(), 0L,
					"input.member.idNumber");
			if (duplicate != null) {
				return new Refusal(m, duplicate);
			}
			own.add(idNumber);
		}
		return null;
	}

	/**
	 * Reads the written households back and records their writes as the one-by-one writes
	 * would: registered, risk eliminated, screened, members added.
	 */
	private void write(Caller caller, List<NewHousehold> batch, List<Household> rows, List<Integer> written,
			List<Long> added) {
		List<Long> ids = rows.stream().map(Household::id).toList();
		Map<Long, Household> registered = byId(ids);
		List<AuditTrail.Write> writes = new ArrayList<>();
		ids.forEach(
				(id) -> writes.add(new AuditTrail.Write("createHousehold", "Household", id, null, registered.get(id))));
		Map<Long, Household> current = new HashMap<>(registered);
		List<Long> eliminated = new ArrayList<>();
		List<Long> screened = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			NewHousehold household = batch.get(written.get(k));
			Household row = registered.get(rows.get(k).id());
			if (household.riskEliminated() && household.input().monitoring() != null) {
				this.households.updateMonitoring(row.id(), HouseholdCategory.MONITORED, row.monitoringType(),
						RiskStatus.ELIMINATED, household.riskEliminatedOn(), row.identifiedVia(), row.identifiedOn());
				eliminated.add(row.id());
			}
		}
		if (!eliminated.isEmpty()) {
			Map<Long, Household> after = byId(eliminated);
			eliminated.forEach((id) -> writes
				.add(new AuditTrail.Write("eliminateHouseholdRisk", "Household", id, current.get(id), after.get(id))));
			current.putAll(after);
		}
		for (int k = 0; k < rows.size(); k++) {
			NewHousehold household = batch.get(written.get(k));
			if (household.screenedOn() != null) {
				long id = rows.get(k).id();
				this.households.update(id, new Inputs.UpdateHouseholdInput(id, null, null, null, null, null, null, null,
						null, null, null, null, null, null, household.screenedOn()));
				screened.add(id);
			}
		}
		if (!screened.isEmpty()) {
			Map<Long, Household> after = byId(screened);
			screened.forEach((id) -> writes
				.add(new AuditTrail.Write("updateHousehold", "Household", id, current.get(id), after.get(id))));
		}
		for (int from = 0; from < added.size(); from += ROWS_PER_STATEMENT) {
			for (Member member : this.members
				.selectByIds(added.subList(from, Math.min(added.size(), from + ROWS_PER_STATEMENT)))) {
				writes.add(new AuditTrail.Write("addMember", "Member", member.id(), null, member));
			}
		}
		this.audit.recordAll(caller, writes);
	}

	private Map<Long, Household> byId(List<Long> ids) {
		Map<Long, Household> found = new HashMap<>();
		for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
			this.households
				.selectByIds(ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT)), Scope.COUNTY)
				.forEach((household) -> found.put(household.id(), household));
		}
		return found;
	}

	private List<String> lockIdNumbers(Set<String> idNumbers) {
		List<String> all = new ArrayList<>(idNumbers);
		List<String> taken = new ArrayList<>();
		for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
			taken
				.addAll(this.members.lockIdNumbers(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT))));
		}
		return taken;
	}

	private static DomainException refusal(Violations violations) {
		try {
			violations.throwIfAny();
		}
		catch (DomainException ex) {
			return ex;
		}
		throw new IllegalStateException("no violation");
	}

}
