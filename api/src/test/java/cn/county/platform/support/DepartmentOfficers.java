package cn.county.platform.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Officers of line departments the committed realm has no demo user for (health, medical
 * insurance, civil affairs, disabled persons' federation, education, agriculture), added
 * to the test Keycloak through its admin API, the way an administrator would: real users
 * with the {@code department} attribute and the {@code department-officer} role, whose
 * tokens come from the same password flow (password {@code demo}).
 */
public final class DepartmentOfficers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> created = ConcurrentHashMap.newKeySet();

	private DepartmentOfficers() {
	}

	/** The username of an officer of {@code department}, created on first use. */
	public static synchronized String of(String department) {
		String username = department.toLowerCase().replace('_', '-') + ".officer";
		if (created.contains(username)) {
			return username;
		}
		KeycloakServer keycloak = KeycloakServer.shared();
		String admin = keycloak.masterAdminToken();
		String realm = keycloak.baseUrl() + "/admin/realms/county";
		HttpResponse<String> response = send(admin, "POST", realm + "/users", """
				{"username": "%s", "enabled": true, "emailVerified": true, "firstName": "Officer",
				 "lastName": "%s", "email": "%s@county.example",
				 "attributes": {"department": ["%s"]},
				 "credentials": [{"type": "password", "value": "demo", "temporary": false}]}
				""".formatted(username, department, username, department));
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new IllegalStateException("Could not create " + username + ": " + response.body());
		}
		JsonNode users = JSON.readTree(send(admin, "GET",
				realm + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null)
			.body());
		String userId = users.get(0).get("id").asString();
		String role = send(admin, "GET", realm + "/roles/department-officer", null).body();
		HttpResponse<String> mapped = send(admin, "POST", realm + "/users/" + userId + "/role-mappings/realm",
				"[" + role + "]");
		if (mapped.statusCode() != 204) {
			throw new IllegalStateException("Could not give " + username + " its role: " + mapped.body());
		}
		created.add(username);
		return username;
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
