package cn.county.platform.sales;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import cn.county.platform.common.Batches;
import cn.county.platform.common.Connection;
import cn.county.platform.household.Household;
import cn.county.platform.household.HouseholdLoaders;
import cn.county.platform.region.Town;
import cn.county.platform.region.Village;
import cn.county.platform.security.Caller;
import graphql.schema.DataFetchingEnvironment;

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

	SalesController(SellerService sellers, SalesService sales) {
		this.sellers = sellers;
		this.sales = sales;
	}

	@QueryMapping
	Seller seller(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.sellers.byId(caller, id);
	}

	@QueryMapping
	Connection<Seller> sellers(@Argument SellerFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.sellers.page(caller, filter, first, after), () -> this.sellers.count(caller, filter));
	}

	@QueryMapping
	Sale sale(@Argument long id, @AuthenticationPrincipal Caller caller) {
		return this.sales.byId(caller, id);
	}

	@QueryMapping
	Connection<Sale> sales(@Argument SaleFilter filter, @Argument Integer first, @Argument String after,
			@AuthenticationPrincipal Caller caller) {
		return Connection.of(this.sales.page(caller, filter, first, after), () -> this.sales.count(caller, filter));
	}

	@QueryMapping
	Connection<SalesReport> salesReports(@Argument String month, @Argument Boolean submitted, @Argument String townCode,
			@Argument Integer first, @Argument String after, @AuthenticationPrincipal Caller caller) {
		return Connection.of(this.sales.reports(caller, month, submitted, townCode, first, after),
				() -> this.sales.countReports(caller, month, submitted, townCode));
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
	 * The household of a household seller, null for an enterprise or cooperative. A
	 * household seller lies in its household's town and village, so a seller in the
	 * caller's scope has its household in scope too.
	 */
	@SchemaMapping(typeName = "Seller")
	CompletableFuture<Household> household(Seller seller, DataFetchingEnvironment env) {
		return HouseholdLoaders.household(env, seller.householdId());
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
		return Batches.one(rows, sellerId, (ids) -> Batches.byId(this.sellers.byIds(ids), Seller::id));
	}

	@BatchMapping(typeName = "Sale")
	Map<Sale, List<SaleAmendment>> amendments(List<Sale> sales) {
		return Batches.lists(sales, Sale::id, this.sales::amendmentsOf);
	}

	/**
	 * The sales of the households that sell as household sellers; one statement for the
	 * page.
	 */
	@BatchMapping(typeName = "Household")
	Map<Household, List<Sale>> sales(List<Household> households) {
		return Batches.lists(households, Household::id, this.sales::salesOf);
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
