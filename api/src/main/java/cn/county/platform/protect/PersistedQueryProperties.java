package cn.county.platform.protect;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Automatic persisted queries and trusted documents.
 *
 * @param ttl how long Redis keeps a registered query text
 * @param localEntries how many query texts each instance keeps in memory (also what serves when Redis is down)
 * @param trustedClients clients (the token's {@code partner_id}, else {@code azp}) that may run only the trusted
 * documents under {@code classpath:trusted-documents/<client>/}
 */
@ConfigurationProperties("platform.persisted-queries")
public record PersistedQueryProperties(@DefaultValue("7d") Duration ttl, @DefaultValue("2000") int localEntries,
		@DefaultValue("partner-bank") List<String> trustedClients) {
}
