package cn.county.platform.dashboard;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.Violation;
import cn.county.platform.region.RegionMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Role;

import org.springframework.stereotype.Component;

/**
 * Which area a caller's figures and lists cover: the dashboard and the screening queries
 * resolve it the same way. County admins and department officers (and, for aggregates,
 * dashboard viewers) get the county, a town official the own town, a village cadre the
 * own village; {@code town} / {@code village} arguments narrow it within that.
 */
@Component
public class Areas {

	private final RegionMapper regions;

	Areas(RegionMapper regions) {
		this.regions = regions;
	}

	/**
	 * The caller's own area, or null when the caller has none (a partner, or staff
	 * without a known town or village).
	 * @param viewers whether dashboard viewers get the county (they read aggregates,
	 * never personal rows)
	 */
	public Area own(Caller caller, boolean viewers) {
		if (caller.has(Role.COUNTY_ADMIN) || caller.has(Role.DEPARTMENT_OFFICER)
				|| (viewers && caller.has(Role.DASHBOARD_VIEWER))) {
			return Area.COUNTY;
		}
		if (caller.has(Role.TOWN_OFFICIAL) && caller.townCode() != null) {
			Town town = this.regions.selectTown(caller.townCode());
			if (town != null) {
				return new Area(AreaLevel.TOWN, town.code(), town.code(), town.name());
			}
		}
		if (caller.has(Role.VILLAGE_CADRE) && caller.villageCode() != null) {
			Village village = this.regions.selectVillage(caller.villageCode());
			if (village != null) {
				return new Area(AreaLevel.VILLAGE, village.code(), village.townCode(), village.name());
			}
		}
		return null;
	}

	/**
	 * The town or village asked for, which must lie within {@code own}: NOT_FOUND naming
	 * {@code town} or {@code village} for an unknown code, BAD_REQUEST for a village
	 * outside the town given, FORBIDDEN outside the caller's own area. Neither given:
	 * {@code own}.
	 */
	public Area narrow(Area own, String townCode, String villageCode) {
		Area area = own;
		if (townCode != null) {
			Town town = this.regions.selectTown(townCode);
			if (town == null) {
				throw DomainException.notFound("town", "town " + townCode);
			}
			area = new Area(AreaLevel.TOWN, town.code(), town.code(), town.name());
		}
		if (villageCode != null) {
			Village village = this.regions.selectVillage(villageCode);
			if (village == null) {
				throw DomainException.notFound("village", "village " + villageCode);
			}
			if (townCode != null && !townCode.equals(village.townCode())) {
				throw DomainException.badRequest("village", "is not in town " + townCode);
			}
			area = new Area(AreaLevel.VILLAGE, village.code(), village.townCode(), village.name());
		}
		boolean inside = switch (own.level()) {
			case COUNTY -> true;
			case TOWN -> own.code().equals(area.townCode());
			case VILLAGE -> own.code().equals(area.code());
		};
		if (!inside) {
			throw new DomainException(new Violation((villageCode != null) ? "village" : "town",
					"is outside the caller's own area (" + own.name() + ")", ErrorClassification.FORBIDDEN));
		}
		return area;
	}

}
