package cn.county.platform.audit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Keys and their stored answers; times are the database's, so every API instance agrees
 * on what has expired.
 */
@Mapper
interface IdempotencyMapper {

	/**
	 * A stored answer with the household data it carried (comma-separated, as the partner
	 * log keeps them).
	 */
	record StoredResponse(String requestHash, String response, String householdIds, String fields) {
	}

	/**
	 * Claims the key; a second claim waits for the first transaction and then fails with
	 * a duplicate key.
	 */
	void insert(@Param("caller") String caller, @Param("key") String key, @Param("requestHash") String requestHash);

	void storeResponse(@Param("caller") String caller, @Param("key") String key, @Param("response") String response,
			@Param("householdIds") String householdIds, @Param("fields") String fields);

	StoredResponse select(@Param("caller") String caller, @Param("key") String key);

	/**
	 * Deletes this caller's key if it is older than the retention, so it can be claimed
	 * as new.
	 */
	int deleteExpiredKey(@Param("caller") String caller, @Param("key") String key,
			@Param("retentionSeconds") long retentionSeconds);

	/** Deletes at most {@code limit} expired keys of any caller. */
	int deleteExpired(@Param("retentionSeconds") long retentionSeconds, @Param("limit") int limit);

}
