package cn.county.platform.security;

import java.time.LocalDate;
import java.util.Map;

import cn.county.platform.support.AbstractPlatformTests;
import cn.county.platform.support.Fixtures;
import cn.county.platform.support.GraphQlClients;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line departments write their own domain, with real tokens: commerce the sellers,
 * agriculture the courtyards.
 */
class DepartmentWriteTests extends AbstractPlatformTests {

	private static final String REGISTER = "mutation($i: RegisterSellerInput!) { registerSeller(input: $i) { seller { id } } }";

	private static final String NOMINATE = "mutation($i: NominateCourtyardInput!) { nominateCourtyardHousehold(input: $i) { courtyardHousehold { id } } }";

	@Test
	void commerceRegistersSellersAndAgricultureCannot() {
		GraphQlClients clients = this.clients;
		Map<String, Object> seller = Map.of("kind", "COOPERATIVE", "name", "北街村果蔬合作社" + System.nanoTime() % 10000,
				"townCode", Fixtures.TOWN);
		clients.as("commerce.officer").document(REGISTER).variable("i", seller).execute().errors().verify();
		forbidden(clients.as("agriculture.officer"), REGISTER,
				Map.of("kind", "COOPERATIVE", "name", "另一合作社", "townCode", Fixtures.TOWN));
	}

	@Test
	void agricultureNominatesCourtyardHouseholdsAndCommerceCannot() {
		GraphQlClients clients = this.clients;
		long householdId = Fixtures.createHousehold(clients.as("county.admin")).id();
		Map<String, Object> nomination = Map.of("householdId", householdId, "year", LocalDate.now().getYear(),
				"category", "HANDICRAFT", "area", 80, "income", 5000);
		forbidden(clients.as("commerce.officer"), NOMINATE, nomination);
		clients.as("agriculture.officer").document(NOMINATE).variable("i", nomination).execute().errors().verify();
	}

	private static void forbidden(HttpGraphQlTester caller, String document, Map<String, Object> input) {
		caller.document(document)
			.variable("i", input)
			.execute()
			.errors()
			.satisfy(
					(errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN"));
	}

}
