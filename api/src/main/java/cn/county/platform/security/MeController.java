package cn.county.platform.security;

import java.util.List;

import graphql.GraphQLContext;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MeController {

	private final FieldPolicy policy;

	MeController(FieldPolicy policy) {
		this.policy = policy;
	}

	@QueryMapping
	Me me(GraphQLContext context) {
		AccessContext access = context.get(AccessContext.class);
		Caller caller = access.caller();
		return new Me(caller.username(), caller.roles().stream().sorted().toList(), caller.townCode(),
				caller.villageCode(), caller.department(), caller.partnerId(),
				this.policy.describe(caller, access.approvedFields()));
	}

	record Me(String username, List<Role> roles, String townCode, String villageCode, String department,
			String partnerId, List<FieldPolicy.TypeFieldAccess> fieldAccess) {
	}

}
