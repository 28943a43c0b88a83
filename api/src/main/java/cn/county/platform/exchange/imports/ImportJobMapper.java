package cn.county.platform.exchange.imports;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Import jobs and their refused rows. */
@Mapper
public interface ImportJobMapper {

	void insert(@Param("j") ImportJob job);

	ImportJob selectById(@Param("id") long id);

	/** The newest jobs of one uploader, or of everyone when {@code subject} is null. */
	List<ImportJob> selectRecent(@Param("subject") String subject, @Param("limit") int limit);

	int markRunning(@Param("id") long id);

	void updateProgress(@Param("id") long id, @Param("rowsRead") int rowsRead, @Param("rowsApplied") int rowsApplied,
			@Param("rowsUnchanged") int rowsUnchanged, @Param("rowsRefused") int rowsRefused,
			@Param("created") int created, @Param("updated") int updated);

	void finish(@Param("id") long id, @Param("status") ImportStatus status, @Param("error") String error);

	/**
	 * Jobs left QUEUED or RUNNING with no heartbeat for {@code seconds}: their runner is
	 * gone.
	 */
	/** Whether any job is queued or running, on any instance. */
	boolean anyOpen();

	int failAbandoned(@Param("seconds") long seconds, @Param("error") String error);

	void updateHeartbeat(@Param("id") long id);

	void insertRefusals(@Param("refusals") List<ImportRefusal> refusals);

	List<ImportRefusal> selectRefusals(@Param("jobId") long jobId, @Param("limit") int limit);

}
