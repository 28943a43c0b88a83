package cn.county.platform.job;

public enum WelfarePostLevel {

	COUNTY, TOWN, VILLAGE

}
