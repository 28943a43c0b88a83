package cn.county.platform.audit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IdempotencyMapper {

	record StoredResponse(String requestHash, String response) {
	}

	/** Claims the key; a second claim waits for the first transaction and then fails with a duplicate key. */
	void insert(@Param("caller") String caller, @Param("key") String key, @Param("requestHash") String requestHash);

	void storeResponse(@Param("caller") String caller, @Param("key") String key,
			@Param("response") String response);

	StoredResponse select(@Param("caller") String caller, @Param("key") String key);

}
