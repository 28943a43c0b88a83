package cn.county.platform.job;

import java.time.LocalDate;

public record CertificateFilter(String townCode, String villageCode, CertificateKind kind, LocalDate issuedFrom,
		LocalDate issuedTo) {

	public static final CertificateFilter NONE = new CertificateFilter(null, null, null, null, null);

}
