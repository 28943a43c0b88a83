package cn.county.platform.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Connection;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
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
	Connection<Household> households(@Argument HouseholdFilter filter, @Argument HouseholdOrder orderBy,
			@Argument Integer first, @Argument String after, @AuthenticationPrincipal Caller caller) {
		return Connection.of(this.households.page(caller, filter, orderBy, first, after),
				() -> this.households.count(caller, filter));
	}

	@SchemaMapping(typeName = "Household")
	Town town(Household household) {
		return new Town(household.townCode(), household.townName());
	}

	@SchemaMapping(typeName = "Household")
	Village village(Household household) {
		return new Village(household.villageCode(), household.townCode(), household.villageName());
	}

	/**
	 * One statement for the members of every household on the page, however many there
	 * are; the loans' {@code borrower} finds them in the same loader.
	 */
	@SchemaMapping(typeName = "Household")
	CompletableFuture<List<Member>> members(Household household, DataFetchingEnvironment env) {
		return HouseholdLoaders.members(env, household.id());
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
	Map<String, Object> updateMember(@Argument Inputs.UpdateMemberInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("member", this.members.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> removeMember(@Argument Inputs.RemoveMemberInput input, @AuthenticationPrincipal Caller caller) {
		long householdId = this.members.remove(caller, input);
		return Map.of("removedMemberId", input.id(), "household", this.households.byId(caller, householdId));
	}

}
