package cn.county.platform.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import cn.county.platform.common.RequestPipeline;
import cn.county.platform.security.CallerAuthentication;
import cn.county.platform.security.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP 429 with {@code Retry-After} once a caller passes its limit. Runs after
 * authentication, so the limit is the caller's (user, or partner client) and an anonymous
 * flood is already stopped at 401.
 */
@Component
@Order(RequestPipeline.RATE_LIMIT_FILTER)
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final RateLimitProperties limits;

	RateLimitFilter(RateLimiter limiter, RateLimitProperties limits) {
		this.limiter = limiter;
		this.limits = limits;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !limited(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/**
	 * Whether a request path counts against the limit: GraphQL, and the endpoints of
	 * ImportController ({@code POST /imports/{kind}}, {@code GET /imports/{id}/report})
	 * and ExportController ({@code /exports/{list}.{format}}), which count against the
	 * same limit as GraphQL requests (exports also against their own quota). Matched by
	 * their leading segments, not anywhere in the path.
	 */
	static boolean limited(String path) {
		return path.equals("/graphql") || IMPORT.matcher(path).matches() || EXPORT.matcher(path).matches();
	}

	private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern
		.compile("/imports/(?:[a-z]+|\\d+/report)/?");

	private static final java.util.regex.Pattern EXPORT = java.util.regex.Pattern.compile("/exports/[a-z-]+\\.[a-z]+");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CallerAuthentication caller) {
			boolean partner = caller.caller().has(Role.PARTNER);
			String subject = (partner ? "client:" + caller.caller().client() : "user:" + caller.caller().subject());
			long allowed = partner ? this.limits.perPartner() : this.limits.perUser();
			long windowMillis = this.limits.window().toMillis();
			long count = this.limiter.hit(subject, windowMillis);
			response.setHeader("X-RateLimit-Limit", String.valueOf(allowed));
			response.setHeader("X-RateLimit-Remaining", String.valueOf(Math.max(0, allowed - count)));
			if (count > allowed) {
				response.setStatus(429);
				response.setHeader("Retry-After", String.valueOf(RateLimiter.secondsLeft(windowMillis)));
				response.setContentType("application/json");
				response.getOutputStream()
					.write(("{\"errors\":[{\"message\":\"Too many requests: at most " + allowed + " per "
							+ this.limits.window().toSeconds()
							+ " s\",\"extensions\":{\"classification\":\"TOO_MANY_REQUESTS\"}}]}")
						.getBytes(StandardCharsets.UTF_8));
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
