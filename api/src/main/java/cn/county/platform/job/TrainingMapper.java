package cn.county.platform.job;

import java.util.Collection;
import java.util.List;

import cn.county.platform.security.Scope;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface TrainingMapper {

	/** The trainings of many members in one statement: {@code Member.trainings}. */
	List<Training> selectByMemberIds(@Param("memberIds") Collection<Long> memberIds);

	/** Many trainings by id in one statement: {@code Certificate.training}. */
	List<Training> selectByIds(@Param("ids") Collection<Long> ids);

	Training selectById(@Param("id") long id, @Param("scope") Scope scope);

	void insert(@Param("t") Training training);

	void update(@Param("id") long id, @Param("changes") Inputs.UpdateTrainingInput changes);

}
