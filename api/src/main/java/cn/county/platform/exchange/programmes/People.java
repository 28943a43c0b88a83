package cn.county.platform.exchange.programmes;

import java.util.List;
import java.util.Locale;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.household.HouseholdService;
import cn.county.platform.household.Member;
import cn.county.platform.household.MemberMapper;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.stereotype.Component;

/**
 * The registered person a programme roster's row names by ID number, within the caller's
 * row scope: a person not registered, registered twice, or outside the caller's town or
 * village is refused, naming the ID number's column.
 */
@Component
class People {

	private final MemberMapper members;

	private final HouseholdMapper households;

	private final HouseholdService householdService;

	People(MemberMapper members, HouseholdMapper households, HouseholdService householdService) {
		this.members = members;
		this.households = households;
		this.householdService = householdService;
	}

	/** A member and the household it belongs to. */
	record Person(Member member, Household household) {
	}

	Person find(Caller caller, String idNumber) {
		String number = idNumber.toUpperCase(Locale.ROOT);
		List<Long> holders = this.members.lockHouseholdsByIdNumber(number);
		if (holders.size() != 1) {
			throw DomainException.notFound("input.idNumber", holders.isEmpty() ? "未登记的人员（the person is not registered）"
					: "登记在多个农户中（registered in more than one household）");
		}
		Household household = this.households.selectById(holders.get(0), Scope.COUNTY);
		if (!caller.scope().covers(household.townCode(), household.villageCode())) {
			throw new DomainException(new Violation("input.idNumber",
					"不在您的辖区，本行未导入（outside the caller's town or village: refused）", ErrorClassification.FORBIDDEN));
		}
		Member member = this.householdService.membersOf(List.of(household.id()))
			.getOrDefault(household.id(), List.of())
			.stream()
			.filter((candidate) -> candidate.idNumber().equals(number))
			.findFirst()
			.orElseThrow();
		return new Person(member, household);
	}

}
