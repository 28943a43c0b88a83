package cn.county.platform.funds;

import java.math.BigDecimal;

/** The part of an allocation given to one project. */
public record FundSplit(long allocationId, long projectId, BigDecimal amount) {
}
