package cn.county.platform.courtyard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cn.county.platform.support.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer of the AGRICULTURE department (农业农村局), the line department that writes courtyard records. The
 * committed realm has no such demo user, so the tests add one to the test Keycloak through its admin API, the way
 * an administrator would: a real user with the {@code department} attribute and the {@code department-officer}
 * role, whose tokens come from the same password flow as every other demo user's.
 */
final class AgricultureOfficer {

	static final String USERNAME = "agriculture.officer";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static boolean created;

	private AgricultureOfficer() {
	}

	static synchronized void ensureExists() {
		if (created) {
			return;
		}
		KeycloakServer keycloak = KeycloakServer.shared();
		String admin = keycloak.masterAdminToken();
		String realm = keycloak.baseUrl() + "/admin/realms/county";
		HttpResponse<String> response = send(admin, "POST", realm + "/users", """
				{"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Officer",
				 "lastName": "Agriculture", "email": "agriculture.officer@county.example",
				 "attributes": {"department": ["AGRICULTURE"]},
				 "credentials": [{"type": "password", "value": "demo", "temporary": false}]}
				""".formatted(USERNAME));
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new IllegalStateException("Could not create " + USERNAME + ": " + response.body());
		}
		JsonNode users = JSON.readTree(send(admin, "GET",
				realm + "/users?exact=true&username=" + URLEncoder.encode(USERNAME, StandardCharsets.UTF_8), null)
			.body());
		String userId = users.get(0).get("id").asString();
		String role = send(admin, "GET", realm + "/roles/department-officer", null).body();
		HttpResponse<String> mapped = send(admin, "POST", realm + "/users/" + userId + "/role-mappings/realm",
				"[" + role + "]");
		if (mapped.statusCode() != 204) {
			throw new IllegalStateException("Could not give " + USERNAME + " its role: " + mapped.body());
		}
		created = true;
	}

	private static HttpResponse<String> send(String token, String method, String url, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
