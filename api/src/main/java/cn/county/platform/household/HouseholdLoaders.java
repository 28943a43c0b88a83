package cn.county.platform.household;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import cn.county.platform.common.Batches;
import cn.county.platform.common.HouseholdOwned;
import cn.county.platform.security.Scope;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The household and member look-ups of a request, registered once as batch loaders: every
 * field that refers to a household ({@code Loan.household}, {@code Visit.household},
 * {@code Seller.household} and the like) and every list of a household's members
 * ({@code Household.members}, {@code Loan.borrower}) asks here, so no other feature reads
 * the household tables and a request reads each household and each household's members
 * once, however many fields refer to them: the loaders' per-request cache answers a
 * second ask without a statement (the household detail reads its members once for
 * {@code members} and for the loans' {@code borrower}). A record that names its member
 * ({@code Job.member}, {@code Training.member} and their siblings) asks for it by id.
 * <p>
 * Households are read without a scope: a back-reference hangs off a row that was already
 * read within the caller's scope, and a row in scope has its household in scope too.
 */
@Component
public class HouseholdLoaders {

	private static final String HOUSEHOLDS = "household.byId";

	private static final String MEMBERS = "household.members";

	private static final String MEMBER = "member.byId";

	HouseholdLoaders(BatchLoaderRegistry registry, HouseholdMapper households, MemberMapper members,
			HouseholdService service) {
		registry.<Long, Member>forName(MEMBER)
			.registerMappedBatchLoader((ids, env) -> Mono
				.fromCallable(() -> Batches.byId(members.selectByIds(List.copyOf(ids)), Member::id)));
		registry.<Long, Household>forName(HOUSEHOLDS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(
					() -> Batches.byId(households.selectByIds(List.copyOf(ids), Scope.COUNTY), Household::id)));
		registry.<Long, List<Member>>forName(MEMBERS)
			.registerMappedBatchLoader((ids, env) -> Mono.fromCallable(() -> service.membersOf(ids)));
	}

	/**
	 * The household with this id, read with every other household the request asks for;
	 * null for a null id.
	 */
	public static CompletableFuture<Household> household(DataFetchingEnvironment env, Long id) {
		if (id == null) {
			return CompletableFuture.completedFuture(null);
		}
		DataLoader<Long, Household> loader = env.getDataLoader(HOUSEHOLDS);
		return loader.load(id);
	}

	/**
	 * The members of this household, read with those of every other household the request
	 * asks for.
	 */
	public static CompletableFuture<List<Member>> members(DataFetchingEnvironment env, long householdId) {
		DataLoader<Long, List<Member>> loader = env.getDataLoader(MEMBERS);
		return loader.load(householdId).thenApply((members) -> (members != null) ? members : List.of());
	}

	/**
	 * The member with this id, read with every other member the request asks for by id;
	 * null for a null id.
	 */
	public static CompletableFuture<Member> member(DataFetchingEnvironment env, Long id) {
		if (id == null) {
			return CompletableFuture.completedFuture(null);
		}
		DataLoader<Long, Member> loader = env.getDataLoader(MEMBER);
		return loader.load(id);
	}

	/**
	 * Wires the {@code member} field of each of {@code types}, whose rows are
	 * {@link MemberOwned}, to the member loader: for a feature with several such types,
	 * one line in its {@code RuntimeWiringConfigurer} instead of a mapping method per
	 * type.
	 */
	public static void memberFields(RuntimeWiring.Builder wiring, String... types) {
		for (String type : types) {
			wiring.type(type, (fields) -> fields.dataFetcher("member",
					(env) -> member(env, env.<MemberOwned>getSource().memberId())));
		}
	}

	/**
	 * Wires the {@code household} field of each of {@code types}, whose rows are
	 * {@link HouseholdOwned}, to the household loader, as {@link #memberFields} does for
	 * members.
	 */
	public static void householdFields(RuntimeWiring.Builder wiring, String... types) {
		for (String type : types) {
			wiring.type(type, (fields) -> fields.dataFetcher("household",
					(env) -> household(env, env.<HouseholdOwned>getSource().householdId())));
		}
	}

	/**
	 * The member with this id of this household, from the household's members; null when
	 * either is null.
	 */
	public static CompletableFuture<Member> member(DataFetchingEnvironment env, Long householdId, Long memberId) {
		if (householdId == null || memberId == null) {
			return CompletableFuture.completedFuture(null);
		}
		return members(env, householdId).thenApply((members) -> members.stream()
			.filter((member) -> member.id() == memberId.longValue())
			.findFirst()
			.orElse(null));
	}

}
