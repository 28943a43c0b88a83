package cn.county.platform.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused with 413 and a
 * message for people. It fails while the request is parsed, before any controller is
 * chosen, hence an advice rather than a handler in {@link ImportController}.
 */
@RestControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		String limit = (ex.getMaxUploadSize() > 0) ? (ex.getMaxUploadSize() / (1024 * 1024)) + " MB" : "the limit";
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
			.body(Map.of("errors",
					List.of(Map.of("message", "file: 文件超过上传上限 " + limit + "（the upload is larger than " + limit + "）",
							"extensions", Map.of("classification", "BAD_REQUEST", "field", "file")))));
	}

}
