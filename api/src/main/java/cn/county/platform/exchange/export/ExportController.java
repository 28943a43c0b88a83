package cn.county.platform.exchange.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.protect.RateLimiter;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerAuthentication;
import cn.county.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code GET /exports/{list}.{xlsx|csv}?param=value...} (or {@code POST} with the
 * parameters as a JSON object): the list as a spreadsheet, streamed as it is read, with
 * the bearer token of a {@code /graphql} request (the URL rule that requires it covers
 * every path but the public ones). The lists and their parameters are in
 * {@link ExportLists} and {@code docs/exports.md}.
 * <p>
 * Before anything runs: the caller's export quota ({@code platform.exports.per-caller}
 * per {@code window}, counted by {@link RateLimiter} like the request rate limit, which
 * counts the export as one request too), and a bound on exports running at once on this
 * instance. A refusal (quota, parameters, or GraphQL's refusal of the list for this
 * caller) is a JSON error in Chinese with the HTTP status that says why; every export
 * that got past the quota leaves an audit entry ({@link ExportAudit}). The file is
 * written on the request's own thread (not a {@code StreamingResponseBody}'s), because
 * the GraphQL pages must run where the caller's security context and the servlet request
 * are, as a {@code /graphql} request does; the response streams all the same, a buffer at
 * a time.
 */
@Controller
class ExportController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final ExportLists lists;

	private final Exporter exporter;

	private final ExportAudit audit;

	private final RateLimiter limiter;

	private final ExportProperties properties;

	private final Semaphore running;

	ExportController(ExportLists lists, Exporter exporter, ExportAudit audit, RateLimiter limiter,
			ExportProperties properties) {
		this.lists = lists;
		this.exporter = exporter;
		this.audit = audit;
		this.limiter = limiter;
		this.properties = properties;
		this.running = new Semaphore(properties.maxConcurrent());
	}

	@GetMapping("/exports/{list}.{format}")
	void get(@PathVariable String list, @PathVariable String format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Map<String, Object> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> params.put(name, values[values.length - 1]));
		export(list, format, params, request, response);
	}

	@PostMapping(path = "/exports/{list}.{format}", consumes = MediaType.APPLICATION_JSON_VALUE)
	void post(@PathVariable String list, @PathVariable String format,
			@RequestBody(required = false) Map<String, Object> body, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		export(list, format, (body != null) ? body : Map.of(), request, response);
	}

	private void export(String name, String formatName, Map<String, Object> params, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Caller caller = CallerAuthentication.current();
		if (caller == null) {
			refuse(response, 401, "UNAUTHORIZED", null, "需要有效的访问令牌（a valid bearer token is required）");
			return;
		}
		ExportList list = this.lists.get(name);
		if (list == null) {
			refuse(response, 404, "NOT_FOUND", "list", "没有名为“" + name + "”的导出列表（no such export; these are: "
					+ this.lists.all().stream().map(ExportList::name).toList() + "）");
			return;
		}
		SheetFormat format;
		try {
			format = SheetFormat.of(formatName, "format");
		}
		catch (DomainException ex) {
			refuse(response, 400, "BAD_REQUEST", "format", "导出格式必须是 xlsx 或 csv（the format is xlsx or csv）");
			return;
		}
		long windowMillis = this.properties.window().toMillis();
		String subject = caller.has(Role.PARTNER) ? "client:" + caller.client() : "user:" + caller.subject();
		if (this.limiter.hit("export:" + subject, windowMillis) > this.properties.perCaller()) {
			response.setHeader("Retry-After", String.valueOf(RateLimiter.secondsLeft(windowMillis)));
			refuse(response, 429, "TOO_MANY_REQUESTS", null,
					"导出次数已达上限：每 " + this.properties.window().toMinutes() + " 分钟最多 " + this.properties.perCaller()
							+ " 次（at most " + this.properties.perCaller() + " exports per " + this.properties.window()
							+ "）");
			return;
		}
		if (!this.running.tryAcquire()) {
			response.setHeader("Retry-After", "30");
			refuse(response, 503, "UNAVAILABLE", null, "正在进行的导出过多，请稍后再试（too many exports are running）");
			return;
		}
		long[] written = { 0 };
		try {
			long rows = this.exporter.export(caller, list, format, params, request,
					(exported, sheetFormat) -> open(response, exported, sheetFormat), written);
			this.audit.record(caller, name, format, params, rows, "COMPLETED", null);
		}
		catch (ExportRefused ex) {
			this.audit.record(caller, name, format, params, 0, "REFUSED", ex.getMessage());
			refuse(response, ex.status(), ex.classification(), ex.field(), ex.getMessage());
		}
		catch (DomainException ex) {
			Violation violation = ex.violations().get(0);
			this.audit.record(caller, name, format, params, 0, "REFUSED", violation.reason());
			refuse(response, 400, "BAD_REQUEST", violation.field(),
					"导出参数有误：" + violation.field() + " " + violation.reason());
		}
		catch (IOException | RuntimeException ex) {
			this.audit.record(caller, name, format, params, written[0], "FAILED", ex.getMessage());
			throw ex;
		}
		finally {
			this.running.release();
		}
	}

	private static OutputStream open(HttpServletResponse response, ExportList list, SheetFormat format)
			throws IOException {
		String stamp = LocalDateTime.now().format(STAMP);
		String ascii = list.name() + "-" + stamp + "." + format.extension();
		String chinese = URLEncoder
			.encode(list.title() + "-" + stamp + "." + format.extension(), StandardCharsets.UTF_8)
			.replace("+", "%20");
		response.setStatus(200);
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition",
				"attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + chinese);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		return new FlushOnClose(response.getOutputStream());
	}

	/**
	 * The response's stream, which the writer's close only flushes: the container ends
	 * the response after the handler returns, so the audit entry is written before the
	 * client sees the end of the file.
	 */
	private static final class FlushOnClose extends java.io.FilterOutputStream {

		FlushOnClose(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			this.out.flush();
		}

	}

	private static void refuse(HttpServletResponse response, int status, String classification, String field,
			String message) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", classification);
		if (field != null) {
			extensions.put("field", field);
		}
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream()
			.write(JSON
				.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)))));
	}

}
