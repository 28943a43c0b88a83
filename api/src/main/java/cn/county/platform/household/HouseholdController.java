package cn.county.platform.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class HouseholdController {

	private final HouseholdService households;

	private final MemberService members;

	private final Clock clock;

	HouseholdController(HouseholdService households, MemberService members, Clock clock) {
		this.households = households;
		this.members = members;
		this.clock = clock;
	}

	@QueryMapping
	Household household(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.households.byId(caller, id);
	}

	@QueryMapping
	Household householdByCode(@Argument String code, @AuthenticationPrincipal Caller caller) {
		return this.households.byCode(caller, code);
	}

	@QueryMapping
	HouseholdConnection households(@Argument HouseholdFilter filter, @Argument HouseholdOrder orderBy,
			@Argument Integer first, @Argument String after, @AuthenticationPrincipal Caller caller) {
		return new HouseholdConnection(this.households.page(caller, filter, orderBy, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "HouseholdConnection")
	long totalCount(HouseholdConnection connection) {
		return this.households.count(connection.caller(), connection.filter());
	}

	@SchemaMapping(typeName = "Household")
	Town town(Household household) {
		return new Town(household.townCode(), household.townName());
	}

	@SchemaMapping(typeName = "Household")
	Village village(Household household) {
		return new Village(household.villageCode(), household.townCode(), household.villageName());
	}

	/** One statement for the members of every household on the page, however many there are. */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Member>> members(List<Household> households) {
		Map<Long, List<Member>> byHousehold = this.households
			.membersOf(households.stream().map(Household::id).toList());
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	@SchemaMapping(typeName = "Member")
	int age(Member member) {
		return Period.between(member.birthDate(), LocalDate.now(this.clock)).getYears();
	}

	@MutationMapping
	Map<String, Object> createHousehold(@Argument Inputs.CreateHouseholdInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("household", this.households.create(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateHousehold(@Argument Inputs.UpdateHouseholdInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("household", this.households.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> identifyMonitoredHousehold(@Argument Inputs.IdentifyMonitoredInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("household", this.households.identifyMonitored(caller, input));
	}

	@MutationMapping
	Map<String, Object> eliminateHouseholdRisk(@Argument Inputs.EliminateRiskInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("household", this.households.eliminateRisk(caller, input));
	}

	@MutationMapping
	Map<String, Object> addMember(@Argument Inputs.AddMemberInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("member", this.members.add(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateMember(@Argument Inputs.UpdateMemberInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("member", this.members.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> removeMember(@Argument Inputs.RemoveMemberInput input,
			@AuthenticationPrincipal Caller caller) {
		long householdId = this.members.remove(caller, input);
		return Map.of("removedMemberId", input.id(), "household", this.households.byId(caller, householdId));
	}

}
