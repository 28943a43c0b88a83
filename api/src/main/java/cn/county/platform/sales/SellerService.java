package cn.county.platform.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violation;
import cn.county.platform.common.Violations;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers of consumption-assistance products: reads bounded by the caller's scope, and
 * registration.
 */
@Service
public class SellerService {

	/**
	 * The county and the COMMERCE department county-wide, and town officials within their
	 * town: the work plan makes the towns answerable for consumption assistance (item 17,
	 * 各镇党委政府), so their officials keep their sellers' records. Row scope keeps a town
	 * official to sellers of their own town.
	 */
	static final String WRITERS = "hasAnyRole('COUNTY_ADMIN', 'TOWN_OFFICIAL') or @departments.is(authentication, 'COMMERCE')";

	private static final String SORT_KEY = "name";

	private static final Pattern SUPPLIER_ID = Pattern.compile("[0-9A-Za-z-]{4,32}");

	private final SellerMapper sellers;

	private final HouseholdMapper households;

	private final RegionMapper regions;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	SellerService(SellerMapper sellers, HouseholdMapper households, RegionMapper regions, IdGenerator ids, Clock clock,
			PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.sellers = sellers;
		this.households = households;
		this.regions = regions;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	public Seller byId(Caller caller, long id) {
		return this.sellers.selectById(id, caller.scope());
	}

	/**
	 * Sellers by id, for batch loaders of rows already read within the caller's scope.
	 */
	public List<Seller> byIds(Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : this.sellers.selectByIds(ids);
	}

	public Page<Seller> page(Caller caller, SellerFilter filter, Integer first, String after) {
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Seller> rows = this.sellers.selectPage((filter != null) ? filter : SellerFilter.NONE, caller.scope(),
				request.afterValue(), request.afterId(), request.limit());
		return Page.of(rows, request, Seller::name, Seller::id);
	}

	public long count(Caller caller, SellerFilter filter) {
		return this.sellers.count((filter != null) ? filter : SellerFilter.NONE, caller.scope());
	}

	@Transactional
	@PreAuthorize(WRITERS)
	public Seller register(Caller caller, Inputs.RegisterSellerInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.required(input.kind(), "input.kind").text(input.name(), "input.name", 100);
		String supplierId = Violations.blankToNull(input.platformSupplierId());
		if (supplierId != null && !SUPPLIER_ID.matcher(supplierId).matches()) {
			violations.badRequest("input.platformSupplierId", "must be 4 to 32 letters, digits or dashes");
		}
		LocalDate registeredOn = (input.registeredOn() != null) ? input.registeredOn() : today;
		violations.notFuture(registeredOn, "input.registeredOn", today);
		String townCode = Violations.blankToNull(input.townCode());
		String villageCode = Violations.blankToNull(input.villageCode());
		Household household = null;
		if (input.kind() == SellerKind.HOUSEHOLD) {
			if (input.householdId() == null) {
				violations.badRequest("input.householdId", "is required for a HOUSEHOLD seller");
			}
			else {
				household = this.households.selectById(input.householdId(), caller.scope());
				if (household == null) {
					violations.add(Violation.notFound("input.householdId",
							"household " + input.householdId() + " does not exist"));
				}
				else if (townCode != null && !townCode.equals(household.townCode())) {
					violations.badRequest("input.townCode", "is not the household's town " + household.townCode());
				}
				else if (villageCode != null && !villageCode.equals(household.villageCode())) {
					violations.badRequest("input.villageCode",
							"is not the household's village " + household.villageCode());
				}
			}
		}
		else if (input.kind() != null) {
			if (input.householdId() != null) {
				violations.badRequest("input.householdId", "is only for a HOUSEHOLD seller");
			}
			checkPlace(townCode, villageCode, violations);
		}
		violations.throwIfAny();
		if (household != null) {
			townCode = household.townCode();
			villageCode = household.villageCode();
		}
		if (!caller.scope().covers(townCode, villageCode)) {
			throw new DomainException(
					new Violation("input.townCode", "is outside the caller's town", ErrorClassification.FORBIDDEN));
		}
		if (household != null && this.sellers.householdIsSeller(household.id())) {
			violations.conflict("input.householdId", "is already registered as a seller");
		}
		if (supplierId != null && this.sellers.supplierIdExists(supplierId)) {
			violations.conflict("input.platformSupplierId", "is already registered to another seller");
		}
		violations.throwIfAny();
		long id = this.ids.nextId();
		this.sellers.insert(
				new Seller(id, input.kind(), input.name().strip(), townCode, null, villageCode, null,
						(household != null) ? household.id() : null, supplierId, registeredOn, 0, null),
				caller.username());
		Seller registered = this.sellers.selectById(id, Scope.COUNTY);
		this.audit.record(caller, "registerSeller", "Seller", id, null, registered);
		return registered;
	}

	private void checkPlace(String townCode, String villageCode, Violations violations) {
		if (townCode == null) {
			violations.badRequest("input.townCode", "is required for an enterprise or cooperative");
			return;
		}
		if (this.regions.selectTown(townCode) == null) {
			violations.badRequest("input.townCode", "is not a town of the county");
			return;
		}
		if (villageCode != null) {
			Village village = this.regions.selectVillage(villageCode);
			if (village == null || !village.townCode().equals(townCode)) {
				violations.badRequest("input.villageCode", "is not a village of town " + townCode);
			}
		}
	}

}
