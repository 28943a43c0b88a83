package cn.county.platform.partner;

import java.util.List;
import java.util.Map;

import cn.county.platform.common.Connection;
import cn.county.platform.security.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class PartnerController {

	private final PartnerService partners;

	PartnerController(PartnerService partners) {
		this.partners = partners;
	}

	@QueryMapping
	List<String> partnerApprovedFields(@Argument String partnerId) {
		return this.partners.approvedFieldList(partnerId);
	}

	@QueryMapping
	Connection<PartnerAccessEntry> partnerAccessLog(@Argument String partnerId, @Argument Integer first,
			@Argument String after) {
		return Connection.of(this.partners.accessLog(partnerId, first, after));
	}

	@MutationMapping
	Map<String, Object> setPartnerApprovedFields(@Argument SetPartnerApprovedFieldsInput input,
			@AuthenticationPrincipal Caller caller) {
		List<String> fields = this.partners.setApprovedFields(caller, input.partnerId(),
				(input.fields() != null) ? input.fields() : List.of());
		return Map.of("partnerId", input.partnerId(), "fields", fields);
	}

	record SetPartnerApprovedFieldsInput(String partnerId, List<String> fields) {
	}

}
