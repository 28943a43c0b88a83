package cn.county.platform.exchange.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.exchange.sheet.SheetWriter;
import cn.county.platform.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload endpoint: {@code POST /imports/{kind}} with a multipart {@code file} (and
 * {@code dryRun=true} to check without writing) answers 202 with the queued job;
 * GraphQL's {@code importJob} then follows it. {@code GET
 * /imports/{id}/report?format=xlsx|csv} downloads the refused rows as uploaded, with the
 * reasons, to correct and upload again. Behind the same bearer-token chain and rate limit
 * as {@code /graphql}.
 */
@RestController
@RequestMapping("/imports")
class ImportController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ImportJobService jobs;

	ImportController(ImportJobService jobs) {
		this.jobs = jobs;
	}

	@PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
			@AuthenticationPrincipal Caller caller) {
		ImportJob job = this.jobs.start(caller, ImportKind.ofPath(kind), file, dryRun);
		return ResponseEntity.accepted().location(URI.create("/imports/" + job.id())).body(describe(job));
	}

	@GetMapping("/{id}/report")
	void report(@PathVariable long id, @RequestParam(name = "format", defaultValue = "xlsx") String format,
			@AuthenticationPrincipal Caller caller, HttpServletResponse response) throws IOException {
		ImportJob job = this.jobs.job(caller, id);
		if (job == null) {
			throw DomainException.notFound("id", "import job " + id);
		}
		SheetFormat sheetFormat = SheetFormat.of(format, "format");
		List<String> header = JSON.readValue(job.header(), new TypeReference<List<String>>() {
		});
		response.setContentType(sheetFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"import-" + id + "-refused." + sheetFormat.extension() + "\"");
		try (OutputStream out = response.getOutputStream();
				SheetWriter sheet = SheetWriter.open(sheetFormat, out, "未导入的行")) {
			List<Object> head = new ArrayList<>(header);
			head.add("行号");
			head.add("原因");
			sheet.row(head);
			Map<Integer, List<ImportRefusal>> byRow = new LinkedHashMap<>();
			for (ImportRefusal refusal : this.jobs.allRefusals(job)) {
				byRow.computeIfAbsent(refusal.row(), (row) -> new ArrayList<>()).add(refusal);
			}
			for (List<ImportRefusal> refusals : byRow.values()) {
				List<Object> cells = new ArrayList<>(
						JSON.readValue(refusals.get(0).cells(), new TypeReference<List<String>>() {
						}));
				while (cells.size() < header.size()) {
					cells.add("");
				}
				List<Object> row = new ArrayList<>(cells.subList(0, header.size()));
				row.add(refusals.get(0).row());
				StringBuilder reasons = new StringBuilder();
				for (ImportRefusal refusal : refusals) {
					if (!reasons.isEmpty()) {
						reasons.append("；");
					}
					reasons.append((refusal.column() != null) ? refusal.column() + ": " : "").append(refusal.reason());
				}
				row.add(reasons.toString());
				sheet.row(row);
			}
		}
	}

	static Map<String, Object> describe(ImportJob job) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", String.valueOf(job.id()));
		body.put("kind", job.kind());
		body.put("status", job.status());
		body.put("dryRun", job.dryRun());
		body.put("fileName", job.fileName());
		body.put("fileFormat", job.fileFormat());
		body.put("fileSha256", job.fileSha256());
		return body;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, Object>> refused(DomainException ex) {
		Violation first = ex.violations().get(0);
		HttpStatus status = switch (first.classification()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			default -> HttpStatus.BAD_REQUEST;
		};
		List<Map<String, Object>> errors = ex.violations()
			.stream()
			.map((violation) -> Map.<String, Object>of("message", violation.field() + ": " + violation.reason(),
					"extensions",
					Map.of("classification", violation.classification().name(), "field", violation.field())))
			.toList();
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.body(Map.of("errors", errors));
	}

}
