package cn.county.platform.assistance;

import java.math.BigDecimal;

/** One month paid of an enrolment ({@code month} is {@code YYYY-MM}). */
public record AssistancePayment(long enrolmentId, String month, BigDecimal amount) {
}
