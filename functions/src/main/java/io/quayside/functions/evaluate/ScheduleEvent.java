package io.quayside.functions.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * EventBridge's "Scheduled Event", which wakes the {@code evaluate} function; rules are evaluated
 * at its {@code time}, so a late delivery still evaluates the slot it was meant for.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleEvent(String id, @JsonProperty("detail-type") String detailType, String source, Instant time) {
}
