package cn.county.platform.protect;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Automatic persisted queries and trusted documents.
 *
 * @param ttl how long Redis (and each instance's memory) keeps a registered query text
 * @param localEntries how many query texts each instance keeps in memory (also what
 * serves when Redis is down)
 * @param trustedClients clients (the token's {@code partner_id}, else {@code azp}) that
 * may run only the trusted documents under {@code classpath:trusted-documents/<client>/}
 * @param quotaPerCaller how many new documents one caller (the token's subject) may
 * register per {@code quotaWindow}; past it a registration is refused with
 * {@code extensions.limit = persistedQueryQuota}
 * @param quotaWindow the fixed window the quota counts in (counted in Redis, shared by
 * all instances)
 * @param maxDocumentSize the largest query text that may be registered (UTF-8 bytes); a
 * larger one is refused with {@code extensions.limit = persistedQueryMaxSize}
 */
@ConfigurationProperties("platform.persisted-queries")
public record PersistedQueryProperties(@DefaultValue("7d") Duration ttl, @DefaultValue("2000") int localEntries,
		@DefaultValue("partner-bank") List<String> trustedClients, @DefaultValue("500") int quotaPerCaller,
		@DefaultValue("1d") Duration quotaWindow, @DefaultValue("16KB") DataSize maxDocumentSize) {
}
