package cn.county.platform.job;

public enum JobType {

	OUT_OF_PROVINCE, IN_PROVINCE, LOCAL_ENTERPRISE, PUBLIC_WELFARE_POST, SELF_EMPLOYED

}
