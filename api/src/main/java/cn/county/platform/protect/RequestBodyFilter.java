package cn.county.platform.protect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import cn.county.platform.common.RequestPipeline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the GraphQL request body before anything parses it: over
 * {@code platform.limits.max-body-bytes} is HTTP 413, and a JSON array (a batch of
 * operations) is refused with 400, since one request must be one operation for the limits
 * and rate limits to mean anything.
 */
@Component
@Order(RequestPipeline.REQUEST_BODY_FILTER)
class RequestBodyFilter extends OncePerRequestFilter {

	private final LimitsProperties limits;

	RequestBodyFilter(LimitsProperties limits) {
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/graphql"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.limits.maxBodyBytes();
		if (request.getContentLengthLong() > max) {
			refuse(response, 413, "The request body is larger than " + max + " bytes", "maxBodyBytes");
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		if (body.length > max) {
			refuse(response, 413, "The request body is larger than " + max + " bytes", "maxBodyBytes");
			return;
		}
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				if (b == '[') {
					refuse(response, 400,
							"Batched operations (a JSON array) are not accepted: send one operation per request",
							"batching");
					return;
				}
				break;
			}
		}
		chain.doFilter(new CachedBody(request, body), response);
	}

	private static void refuse(HttpServletResponse response, int status, String message, String limit)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getOutputStream()
			.write(("{\"errors\":[{\"message\":\"" + message
					+ "\",\"extensions\":{\"classification\":\"BAD_REQUEST\",\"limit\":\"" + limit + "\"}}]}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
