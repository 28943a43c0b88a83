package cn.county.platform.common;

public enum SortDirection {

	ASC, DESC

}
