package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Instants as DynamoDB numbers of seconds since the epoch: exact to the nanosecond (so a container
 * reads back equal to what was put) and ordered as numbers (so conditions can compare them).
 */
final class EpochSeconds {
    private EpochSeconds() {
    }

    static AttributeValue exact(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
        return AttributeValue.fromN(seconds.stripTrailingZeros().toPlainString());
    }

    /** Whole seconds, rounded up: what DynamoDB's TTL reads, and never before the instant. */
    static AttributeValue ttl(Instant instant) {
        long seconds = instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
        return AttributeValue.fromN(Long.toString(seconds));
    }

    static Instant instant(AttributeValue value) {
        BigDecimal seconds = new BigDecimal(value.n());
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValueExact());
    }
}
