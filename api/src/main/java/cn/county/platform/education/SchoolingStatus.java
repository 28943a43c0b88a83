package cn.county.platform.education;

import cn.county.platform.household.Schooling;

/**
 * A change in a member's schooling (控辍保学, item 6). The newest record decides the member's
 * current {@link Schooling}: a drop-out is DROPPED_OUT, every other status keeps the
 * child at the record's level, because a deferral (缓学) keeps the pupil's school
 * registration and teaching at home (送教上门) is how a child with a severe disability
 * attends compulsory school.
 */
public enum SchoolingStatus {

	ENROLLED, TRANSFERRED, DROPPED_OUT, RETURNED, DEFERRED, HOME_TAUGHT;

	/** Whether the status names the level and school the child is registered at. */
	public boolean inSchool() {
		return this != DROPPED_OUT;
	}

	/** The member's schooling after a record of this status at {@code level}. */
	public Schooling schooling(Schooling level) {
		return inSchool() ? level : Schooling.DROPPED_OUT;
	}

}
