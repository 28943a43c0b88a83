package cn.county.platform.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.county.platform.support.KeycloakServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads files to {@code POST /imports/{kind}} over real HTTP with a demo user's real
 * token, and follows the job through GraphQL until it ends.
 */
final class Imports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	Imports(int port) {
		this.port = port;
	}

	WebTestClient http(String username) {
		return WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(120))
			.defaultHeader("Authorization", "Bearer " + KeycloakServer.shared().passwordToken(username))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	HttpGraphQlTester graphQl(String username) {
		return HttpGraphQlTester
			.create(http(username).mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

	/** The raw answer of an upload. */
	EntityExchangeResult<byte[]> post(String username, String kind, byte[] file, String fileName, boolean dryRun) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}).contentType(MediaType.APPLICATION_OCTET_STREAM);
		return http(username).post()
			.uri("/imports/{kind}?dryRun={dryRun}", kind, dryRun)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody()
			.returnResult();
	}

	/** Uploads, expects 202, and waits for the job to end; answers the finished job. */
	Job run(String username, String kind, byte[] file, String fileName, boolean dryRun) {
		EntityExchangeResult<byte[]> result = post(username, kind, file, fileName, dryRun);
		assertThat(result.getStatus().value()).as(new String(result.getResponseBodyContent())).isEqualTo(202);
		String id = JSON.readTree(result.getResponseBodyContent()).get("id").asString();
		return await(username, id);
	}

	/** An upload refused at once: its status and the first error's message. */
	Refused refused(String username, String kind, byte[] file, String fileName) {
		EntityExchangeResult<byte[]> result = post(username, kind, file, fileName, false);
		JsonNode body = JSON.readTree(result.getResponseBodyContent());
		return new Refused(result.getStatus().value(), body.get("errors").get(0).get("message").asString());
	}

	Job await(String username, String id) {
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			GraphQlTester.Response response = graphQl(username).document("""
					query($id: ID!) { importJob(id: $id) { id status dryRun rowsRead rowsApplied rowsUnchanged
					  rowsRefused recordsCreated recordsUpdated error reportPath
					  refusals(first: 1000) { row column reason value } } }""").variable("id", id).execute();
			response.errors().verify();
			@SuppressWarnings("unchecked")
			Map<String, Object> job = response.path("importJob").entity(Map.class).get();
			String status = (String) job.get("status");
			if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
				return new Job(job);
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("import job " + id + " did not end: " + job);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	record Refused(int status, String message) {
	}

	/** A finished job as GraphQL answers it. */
	record Job(Map<String, Object> fields) {

		String id() {
			return (String) this.fields.get("id");
		}

		String status() {
			return (String) this.fields.get("status");
		}

		int number(String field) {
			return ((Number) this.fields.get(field)).intValue();
		}

		String error() {
			return (String) this.fields.get("error");
		}

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> refusals() {
			return (List<Map<String, Object>>) this.fields.get("refusals");
		}

		@Override
		public String toString() {
			return this.fields.toString();
		}

	}

}
