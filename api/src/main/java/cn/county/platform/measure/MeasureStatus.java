package cn.county.platform.measure;

/**
 * Where a measure stands: PLANNED → IN_PROGRESS → COMPLETED, and CANCELLED from either
 * open state.
 */
public enum MeasureStatus {

	PLANNED, IN_PROGRESS, COMPLETED, CANCELLED;

	/**
	 * Whether the help is still to come or under way: what item 4 counts as a household's
	 * active measure.
	 */
	public boolean isOpen() {
		return this == PLANNED || this == IN_PROGRESS;
	}

	/** The legal order; staying in the same status is not a move. */
	public boolean canMoveTo(MeasureStatus next) {
		return switch (this) {
			case PLANNED -> next == IN_PROGRESS || next == CANCELLED;
			case IN_PROGRESS -> next == COMPLETED || next == CANCELLED;
			case COMPLETED, CANCELLED -> false;
		};
	}

}
