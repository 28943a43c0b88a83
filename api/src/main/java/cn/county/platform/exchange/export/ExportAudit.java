package cn.county.platform.exchange.export;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit entry of an export, in the audit trail beside the writes ({@code auditLog},
 * county admins): operation {@code export}, entity type {@code Export}, and as its state
 * who asked for which list, in which format, with which parameters, how many rows went
 * out and how it ended ({@code COMPLETED}, {@code REFUSED} with the reason, or
 * {@code FAILED} with the rows written before the failure).
 */
@Component
class ExportAudit {

	static final String ENTITY_TYPE = "Export";

	private final AuditTrail trail;

	private final TransactionTemplate transactions;

	ExportAudit(AuditTrail trail, TransactionTemplate transactions) {
		this.trail = trail;
		this.transactions = transactions;
	}

	void record(Caller caller, String list, SheetFormat format, Map<String, Object> params, long rows, String outcome,
			String reason) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("list", list);
		entry.put("format", (format != null) ? format.extension() : null);
		entry.put("filter", params);
		entry.put("rows", rows);
		entry.put("outcome", outcome);
		if (reason != null) {
			entry.put("reason", reason);
		}
		this.transactions
			.executeWithoutResult((status) -> this.trail.record(caller, "export", ENTITY_TYPE, null, null, entry));
	}

}
