package cn.county.platform.courtyard;

/**
 * Where a demonstration-household record stands: CANDIDATE → APPROVED → REVOKED, and
 * CANDIDATE → REVOKED.
 */
public enum CourtyardStatus {

	CANDIDATE, APPROVED, REVOKED;

	/** The legal order; staying in the same status is not a move. */
	public boolean canMoveTo(CourtyardStatus next) {
		return switch (this) {
			case CANDIDATE -> next == APPROVED || next == REVOKED;
			case APPROVED -> next == REVOKED;
			case REVOKED -> false;
		};
	}

}
