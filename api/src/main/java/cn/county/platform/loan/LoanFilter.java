package cn.county.platform.loan;

public record LoanFilter(String townCode, String villageCode, LoanStatus status, String bank,
		Integer maturingWithinDays) {

	public static final LoanFilter NONE = new LoanFilter(null, null, null, null, null);

}
