package cn.county.platform.job;

import java.time.LocalDate;

/**
 * The member a job, training or certificate is written for, as far as the rules need to
 * know them.
 */
public record Holder(long id, long householdId, LocalDate birthDate) {

}
