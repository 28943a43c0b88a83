package cn.county.platform.exchange.imports;

/**
 * A column an import reads: a key for configuration
 * ({@code platform.exchange.roster.headers.<key>}), its default Chinese header, whether a
 * file without it is refused, and the schema field ({@code Type.field}) whose policy
 * decides how a refused value is shown to the uploader (null: shown as it is).
 */
public interface ImportColumn {

	String key();

	String defaultHeader();

	boolean required();

	String policyField();

}
