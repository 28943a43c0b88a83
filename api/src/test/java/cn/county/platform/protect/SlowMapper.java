package cn.county.platform.protect;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Test only: a statement that takes as long as asked, for the request deadline tests. */
@Mapper
public interface SlowMapper {

	@Select("SELECT SLEEP(#{seconds})")
	Integer sleep(int seconds);

}
