package cn.county.platform.loan;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county changes the microcredit limits in configuration; without it they are the
 * 2023 policy's.
 */
@Tag("fast")
class LoanPropertiesTests {

	@Test
	void theLimitsDefaultTo50000YuanAnd36Months() {
		LoanProperties limits = bind(Map.of());
		assertThat(limits.maxAmount()).isEqualByComparingTo("50000");
		assertThat(limits.maxTermMonths()).isEqualTo(36);
	}

	@Test
	void theLimitsComeFromPlatformLoans() {
		LoanProperties limits = bind(
				Map.of("platform.loans.max-amount", "80000", "platform.loans.max-term-months", "60"));
		assertThat(limits.maxAmount()).isEqualByComparingTo(new BigDecimal("80000"));
		assertThat(limits.maxTermMonths()).isEqualTo(60);
	}

	private static LoanProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("platform.loans",
				LoanProperties.class);
	}

}
