package cn.county.platform.job;

public enum CertificateKind {

	VOCATIONAL_SKILL, SPECIAL_OPERATION, OTHER

}
