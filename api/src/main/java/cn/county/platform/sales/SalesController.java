package cn.county.platform.sales;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdMapper;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
class SalesController {

	private final SellerService sellers;

	private final SalesService sales;

	private final HouseholdMapper households;

	SalesController(SellerService sellers, SalesService sales, HouseholdMapper households) {
		this.sellers = sellers;
		this.sales = sales;
		this.households = households;
	}

	@QueryMapping
	Seller seller(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.sellers.byId(caller, id);
	}

	@QueryMapping
	Connections.SellerConnection sellers(@Argument SellerFilter filter, @Argument Integer first,
			@Argument String after, @AuthenticationPrincipal Caller caller) {
		return new Connections.SellerConnection(this.sellers.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "SellerConnection")
	long totalCount(Connections.SellerConnection connection) {
		return this.sellers.count(connection.caller(), connection.filter());
	}

	@QueryMapping
	Sale sale(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.sales.byId(caller, id);
	}

	@QueryMapping
	Connections.SaleConnection sales(@Argument SaleFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return new Connections.SaleConnection(this.sales.page(caller, filter, first, after), filter, caller);
	}

	@SchemaMapping(typeName = "SaleConnection")
	long totalCount(Connections.SaleConnection connection) {
		return this.sales.count(connection.caller(), connection.filter());
	}

	@QueryMapping
	Connections.SalesReportConnection salesReports(@Argument String month, @Argument Boolean submitted,
			@Argument String townCode, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return new Connections.SalesReportConnection(
				this.sales.reports(caller, month, submitted, townCode, first, after), month, submitted, townCode,
				caller);
	}

	@SchemaMapping(typeName = "SalesReportConnection")
	long totalCount(Connections.SalesReportConnection connection) {
		return this.sales.countReports(connection.caller(), connection.month(), connection.submitted(),
				connection.townCode());
	}

	@SchemaMapping(typeName = "Seller")
	Town town(Seller seller) {
		return new Town(seller.townCode(), seller.townName());
	}

	@SchemaMapping(typeName = "Seller")
	Village village(Seller seller) {
		return (seller.villageCode() != null)
				? new Village(seller.villageCode(), seller.townCode(), seller.villageName()) : null;
	}

	/**
	 * The households of household sellers in one statement. A household seller lies in its household's town and
	 * village, so a seller in the caller's scope has its household in scope too.
	 */
	@BatchMapping(typeName = "Seller")
	Map<Seller, Household> household(List<Seller> sellers) {
		List<Long> ids = sellers.stream().map(Seller::householdId).filter((id) -> id != null).distinct().toList();
		Map<Long, Household> byId = ids.isEmpty() ? Map.of()
				: this.households.selectByIds(ids, Scope.COUNTY)
					.stream()
					.collect(Collectors.toMap(Household::id, Function.identity()));
		Map<Seller, Household> result = new HashMap<>();
		for (Seller seller : sellers) {
			if (seller.householdId() != null && byId.containsKey(seller.householdId())) {
				result.put(seller, byId.get(seller.householdId()));
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Sale", field = "seller")
	Map<Sale, Seller> saleSeller(List<Sale> sales) {
		return sellersOf(sales, Sale::sellerId);
	}

	@BatchMapping(typeName = "SalesReport", field = "seller")
	Map<SalesReport, Seller> reportSeller(List<SalesReport> reports) {
		return sellersOf(reports, SalesReport::sellerId);
	}

	private <T> Map<T, Seller> sellersOf(List<T> rows, Function<T, Long> sellerId) {
		Map<Long, Seller> byId = this.sellers.byIds(rows.stream().map(sellerId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Seller::id, Function.identity()));
		return rows.stream()
			.collect(Collectors.toMap(Function.identity(), (row) -> byId.get(sellerId.apply(row)), (a, b) -> a));
	}

	@BatchMapping(typeName = "Sale")
	Map<Sale, List<SaleAmendment>> amendments(List<Sale> sales) {
		Map<Long, List<SaleAmendment>> bySale = this.sales.amendmentsOf(sales.stream().map(Sale::id).toList());
		return sales.stream()
			.collect(Collectors.toMap(Function.identity(), (s) -> bySale.getOrDefault(s.id(), List.of()),
					(a, b) -> a));
	}

	/** The sales of the households that sell as household sellers; one statement for the page. */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Sale>> sales(List<Household> households) {
		Map<Long, List<Sale>> byHousehold = this.sales.salesOf(households.stream().map(Household::id).toList());
		return households.stream()
			.collect(Collectors.toMap(Function.identity(), (h) -> byHousehold.getOrDefault(h.id(), List.of()),
					(a, b) -> a));
	}

	@MutationMapping
	Map<String, Object> registerSeller(@Argument Inputs.RegisterSellerInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("seller", this.sellers.register(caller, input));
	}

	@MutationMapping
	Map<String, Object> recordSale(@Argument Inputs.RecordSaleInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("sale", this.sales.record(caller, input));
	}

	@MutationMapping
	Map<String, Object> updateSale(@Argument Inputs.UpdateSaleInput input, @AuthenticationPrincipal Caller caller) {
		return Map.of("sale", this.sales.update(caller, input));
	}

	@MutationMapping
	Map<String, Object> amendSale(@Argument Inputs.AmendSaleInput input, @AuthenticationPrincipal Caller caller) {
		SalesService.AmendedSale amended = this.sales.amend(caller, input);
		return Map.of("sale", amended.sale(), "amendment", amended.amendment());
	}

	@MutationMapping
	Map<String, Object> submitMonthlyReport(@Argument Inputs.SubmitMonthlyReportInput input,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("report", this.sales.submit(caller, input));
	}

}
