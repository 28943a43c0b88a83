package cn.county.platform.housing;

/**
 * Where a renovation project stands: PLANNED → APPROVED → UNDER_CONSTRUCTION → COMPLETED,
 * and any open status → CANCELLED. COMPLETED and CANCELLED are final.
 */
public enum RenovationStatus {

	PLANNED, APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED;

	/** Not completed or cancelled: the house is still being dealt with. */
	public boolean open() {
		return this != COMPLETED && this != CANCELLED;
	}

	/** The legal order; staying in the same status is not a move. */
	public boolean canMoveTo(RenovationStatus next) {
		return switch (this) {
			case PLANNED -> next == APPROVED || next == CANCELLED;
			case APPROVED -> next == UNDER_CONSTRUCTION || next == CANCELLED;
			case UNDER_CONSTRUCTION -> next == COMPLETED || next == CANCELLED;
			case COMPLETED, CANCELLED -> false;
		};
	}

}
