package cn.county.platform.medical;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.county.platform.common.Batches;
import cn.county.platform.household.Member;
import cn.county.platform.security.AccessContext;
import cn.county.platform.security.FieldPolicy;
import graphql.GraphQLContext;

import org.springframework.stereotype.Component;

/**
 * The batch loading of a member's health records (medical care, disability): one
 * statement for every member on the page, and none at all for a caller who may not read
 * {@code Member.health}, whose lists the schema refuses anyway. The second check keeps
 * the rows outside that caller's reach even if a list's directive were lost, as MEDICAL
 * and DISABILITY measures lie outside its rows.
 */
@Component
public class HealthRecords {

	private final FieldPolicy policy;

	HealthRecords(FieldPolicy policy) {
		this.policy = policy;
	}

	public <T> Map<Member, List<T>> lists(List<Member> members, GraphQLContext context,
			Function<Collection<Long>, Map<Long, List<T>>> load) {
		boolean readsHealth = this.policy.readsHealth((AccessContext) context.get(AccessContext.class));
		return Batches.lists(members, Member::id, (ids) -> readsHealth ? load.apply(ids) : Map.of());
	}

}
