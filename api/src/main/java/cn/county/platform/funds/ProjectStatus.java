package cn.county.platform.funds;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a project stands in the library's life cycle (item 19): PROPOSED → REVIEWED →
 * IN_LIBRARY → APPROVED → UNDER_CONSTRUCTION → COMPLETED → ACCEPTED → HANDED_OVER, one
 * step at a time. A review ends in REVIEWED (verdict PASSED) or REJECTED (verdict
 * REJECTED, final): rejection is the review's verdict, not a later step, so a project
 * that passed review cannot be rejected afterwards.
 */
public enum ProjectStatus {

	PROPOSED, REVIEWED, REJECTED, IN_LIBRARY, APPROVED, UNDER_CONSTRUCTION, COMPLETED, ACCEPTED, HANDED_OVER;

	/** States in which money may be split to the project and paid out. */
	static final Set<ProjectStatus> FUNDED = EnumSet.of(APPROVED, UNDER_CONSTRUCTION, COMPLETED, ACCEPTED);

	/** States that are progress on site, recorded by the owner department too. */
	static final Set<ProjectStatus> PROGRESS = EnumSet.of(UNDER_CONSTRUCTION, COMPLETED);

	/** The legal order; staying in the same status is not a move. */
	public boolean canMoveTo(ProjectStatus next) {
		return switch (this) {
			case PROPOSED -> next == REVIEWED || next == REJECTED;
			case REVIEWED -> next == IN_LIBRARY;
			case IN_LIBRARY -> next == APPROVED;
			case APPROVED -> next == UNDER_CONSTRUCTION;
			case UNDER_CONSTRUCTION -> next == COMPLETED;
			case COMPLETED -> next == ACCEPTED;
			case ACCEPTED -> next == HANDED_OVER;
			case REJECTED, HANDED_OVER -> false;
		};
	}

	/**
	 * Whether reaching this status is the review (who, when and the verdict are
	 * recorded).
	 */
	boolean isReview() {
		return this == REVIEWED || this == REJECTED;
	}

	/** Accepted or handed over: no longer carded for being late. */
	boolean isAccepted() {
		return this == ACCEPTED || this == HANDED_OVER;
	}

}
