package cn.county.platform.household;

import java.util.ArrayList;
import java.util.List;

import cn.county.platform.security.Scope;
import cn.county.platform.support.MapperTest;
import cn.county.platform.support.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household and member statements on the real database, with exactly the rows each
 * test writes: the row scope in every select, and keyset pages that neither skip nor
 * repeat a row when many rows share the sort value.
 */
@MapperTest
class HouseholdMapperTests {

	@Autowired
	HouseholdMapper households;

	@Autowired
	MemberMapper members;

	@Autowired
	JdbcTemplate jdbc;

	Rows rows;

	Rows.Geography area;

	long inVillage;

	long inNeighbour;

	long inOtherTown;

	@BeforeEach
	void writeRows() {
		this.rows = new Rows(this.jdbc);
		this.area = this.rows.geography("90000");
		this.inVillage = this.rows.household(this.area.town(), this.area.village(), "S-A", "王一");
		this.inNeighbour = this.rows.household(this.area.town(), this.area.neighbour(), "S-B", "王二");
		this.inOtherTown = this.rows.household(this.area.otherTown(), this.area.otherVillage(), "S-C", "王三");
	}

	@Test
	void aTownScopeSelectsTheTownsHouseholdsOnly() {
		assertThat(codes(page(Scope.town(this.area.town()), "h.code", false, null, null, 10))).containsExactly("S-A",
				"S-B");
		assertThat(this.households.count(HouseholdFilter.NONE, Scope.town(this.area.town()))).isEqualTo(2);
		assertThat(this.households.selectById(this.inOtherTown, Scope.town(this.area.town()))).isNull();
		assertThat(this.households.selectById(this.inNeighbour, Scope.town(this.area.town()))).isNotNull();
	}

	@Test
	void aVillageScopeSelectsTheVillagesHouseholdsOnly() {
		Scope village = Scope.village(this.area.town(), this.area.village());
		assertThat(codes(page(village, "h.code", false, null, null, 10))).containsExactly("S-A");
		assertThat(this.households.count(HouseholdFilter.NONE, village)).isEqualTo(1);
		assertThat(this.households.selectByCode("S-B", village)).isNull();
		assertThat(this.households.selectByIds(List.of(this.inVillage, this.inNeighbour, this.inOtherTown), village))
			.extracting(Household::id)
			.containsExactly(this.inVillage);
		assertThat(this.households.lockVersion(this.inNeighbour, village)).isNull();
		assertThat(this.households.lockVersion(this.inVillage, village)).isZero();
	}

	@Test
	void theCountySeesEveryHouseholdAndNoScopeSeesNone() {
		assertThat(codes(page(Scope.COUNTY, "h.code", false, null, null, 10))).containsExactly("S-A", "S-B", "S-C");
		assertThat(page(Scope.NOTHING, "h.code", false, null, null, 10)).isEmpty();
		assertThat(this.households.count(HouseholdFilter.NONE, Scope.NOTHING)).isZero();
		assertThat(this.households.selectById(this.inVillage, Scope.NOTHING)).isNull();
	}

	@Test
	void aMemberOutsideTheScopeIsNotFound() {
		long member = this.rows.member(this.inNeighbour, "李二");
		assertThat(this.members.selectById(member, Scope.town(this.area.town()))).isNotNull();
		assertThat(this.members.selectById(member, Scope.village(this.area.town(), this.area.village()))).isNull();
		assertThat(this.members.selectById(member, Scope.town(this.area.otherTown()))).isNull();
		assertThat(this.members.lockVersion(member, Scope.village(this.area.town(), this.area.neighbour()))).isZero();
		assertThat(this.members.lockVersion(member, Scope.village(this.area.town(), this.area.village()))).isNull();
	}

	@Test
	void theNextPageStartsRightAfterTheCursor() {
		List<Household> first = page(Scope.COUNTY, "h.code", false, null, null, 2);
		assertThat(codes(first)).containsExactly("S-A", "S-B");
		Household last = first.get(1);
		assertThat(codes(page(Scope.COUNTY, "h.code", false, last.code(), last.id(), 2))).containsExactly("S-C");
		assertThat(codes(page(Scope.COUNTY, "h.code", true, "S-C", this.inOtherTown, 2))).containsExactly("S-B", "S-A");
	}

	@Test
	void pagesThroughTiesOnTheSortValueMissNoRowAndRepeatNone() {
		List<Long> tied = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			tied.add(this.rows.household(this.area.town(), this.area.village(), "S-T" + i, "张同"));
		}
		List<Long> ascending = walk(false, 3);
		assertThat(ascending).containsExactlyElementsOf(tied.stream().sorted().toList());
		List<Long> descending = walk(true, 2);
		assertThat(descending).containsExactlyElementsOf(tied.stream().sorted((a, b) -> Long.compare(b, a)).toList());
	}

	/**
	 * Every household headed by 张同, a page at a time by head name, following each page's
	 * last row.
	 */
	private List<Long> walk(boolean desc, int size) {
		HouseholdFilter filter = new HouseholdFilter(null, this.area.village(), null, null, null, null, null, null,
				null, "张同");
		List<Long> seen = new ArrayList<>();
		String afterValue = null;
		Long afterId = null;
		for (int pages = 0; pages < 10; pages++) {
			List<Household> page = this.households.selectPage(filter, Scope.COUNTY, "h.head_name", desc, afterValue,
					afterId, size);
			page.forEach((household) -> seen.add(household.id()));
			if (page.size() < size) {
				return seen;
			}
			Household last = page.get(page.size() - 1);
			afterValue = last.headName();
			afterId = last.id();
		}
		throw new AssertionError("no last page after 10 pages: " + seen);
	}

	private List<Household> page(Scope scope, String column, boolean desc, Object afterValue, Long afterId, int limit) {
		return this.households.selectPage(HouseholdFilter.NONE, scope, column, desc, afterValue, afterId, limit);
	}

	private static List<String> codes(List<Household> households) {
		return households.stream().map(Household::code).toList();
	}

}
