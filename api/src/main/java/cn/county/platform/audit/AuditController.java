package cn.county.platform.audit;

import cn.county.platform.common.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@QueryMapping
	Connection<AuditEntry> auditLog(@Argument String entityType, @Argument Long entityId, @Argument String actor,
			@Argument Integer first, @Argument String after) {
		return Connection.of(this.audit.page(entityType, entityId, actor, first, after));
	}

}
