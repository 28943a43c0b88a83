package cn.county.platform.common;

/**
 * A connection object that holds one {@link Page}: the field policy reads its rows to log
 * which households a partner received, whichever list the page comes from.
 */
public interface Paged<T> {

	Page<T> page();

}
