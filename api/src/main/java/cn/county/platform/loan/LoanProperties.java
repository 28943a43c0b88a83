package cn.county.platform.loan;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of the microcredit policy, which the county may change from year to year
 * without a release.
 *
 * @param maxAmount the most a loan may lend in yuan, the amount issued and all top-ups
 * together
 * @param maxTermMonths the longest term in months, and the longest a loan may run from
 * its issue date once extended
 */
@ConfigurationProperties("platform.loans")
public record LoanProperties(@DefaultValue("50000") BigDecimal maxAmount, @DefaultValue("36") int maxTermMonths) {
}
