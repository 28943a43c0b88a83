package cn.county.platform.exchange.imports;

/** Where an import job stands. */
public enum ImportStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED

}
