package cn.county.platform.common.mybatis;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Reads a comma-separated column (from {@code GROUP_CONCAT} over a child table) as a list
 * of enum constants, so a parent row carries its small child set without a second query.
 *
 * @param <E> the enum type
 */
public abstract class EnumListTypeHandler<E extends Enum<E>> extends BaseTypeHandler<List<E>> {

	private final Class<E> type;

	protected EnumListTypeHandler(Class<E> type) {
		this.type = type;
	}

	@Override
	public void setNonNullParameter(PreparedStatement ps, int i, List<E> parameter, JdbcType jdbcType)
			throws SQLException {
		ps.setString(i, String.join(",", parameter.stream().map(Enum::name).toList()));
	}

	@Override
	public List<E> getNullableResult(ResultSet rs, String columnName) throws SQLException {
		return parse(rs.getString(columnName));
	}

	@Override
	public List<E> getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
		return parse(rs.getString(columnIndex));
	}

	@Override
	public List<E> getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
		return parse(cs.getString(columnIndex));
	}

	@Override
	public List<E> getResult(ResultSet rs, String columnName) throws SQLException {
		return parse(rs.getString(columnName));
	}

	private List<E> parse(String value) {
		List<E> values = new ArrayList<>();
		if (value != null && !value.isEmpty()) {
			for (String name : value.split(",")) {
				values.add(Enum.valueOf(this.type, name));
			}
		}
		// declaration order, whatever order the database concatenated them in
		values.sort(java.util.Comparator.comparingInt(Enum::ordinal));
		return List.copyOf(values);
	}

}
