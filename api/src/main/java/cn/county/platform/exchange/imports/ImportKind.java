package cn.county.platform.exchange.imports;

import java.util.Locale;

import cn.county.platform.common.DomainException;

/** What an upload holds, named in the upload's path ({@code POST /imports/roster}). */
public enum ImportKind {

	/** The household roster in the national monitoring system's layout (item 1). */
	ROSTER,

	/** Warning data from the line departments (item 2). */
	WARNINGS,

	/** Jobs of members, from the human resources and social security bureau (item 15). */
	JOBS,

	/**
	 * Skills trainings of members, from the human resources and social security bureau
	 * (item 15).
	 */
	TRAININGS,

	/**
	 * Certificates members hold, from the human resources and social security bureau
	 * (item 15).
	 */
	CERTIFICATES,

	/**
	 * Microcredit loans as issued, from the finance bureau or a bank's statement (item
	 * 16).
	 */
	LOANS,

	/** Repayments of microcredit loans, from a bank's statement (item 16). */
	REPAYMENTS,

	/** Consumption-assistance sales, from the commerce bureau (item 17). */
	SALES,

	/** Payments of the linkage-fund projects' ledgers, from finance (items 19, 20). */
	DISBURSEMENTS,

	/**
	 * Projects of the library in the projects export's layout, proposed or corrected
	 * (items 19, 20).
	 */
	PROJECTS;

	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ImportKind ofPath(String path) {
		for (ImportKind kind : values()) {
			if (kind.path().equals(path)) {
				return kind;
			}
		}
		throw DomainException.badRequest("kind", "不支持的导入类型（unknown import kind）: " + path);
	}

}
