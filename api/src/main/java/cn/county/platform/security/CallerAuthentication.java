package cn.county.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token with the {@link Caller} read from it, so
 * {@code @AuthenticationPrincipal Caller} works.
 */
public class CallerAuthentication extends JwtAuthenticationToken {

	private final Caller caller;

	public CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
		super(jwt, authorities, caller.username());
		this.caller = caller;
	}

	@Override
	public Object getPrincipal() {
		return this.caller;
	}

	public Caller caller() {
		return this.caller;
	}

	/**
	 * The caller of the request this thread serves, or null when it carries no verified
	 * token.
	 */
	public static Caller current() {
		return (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authentication)
				? authentication.caller() : null;
	}

}
