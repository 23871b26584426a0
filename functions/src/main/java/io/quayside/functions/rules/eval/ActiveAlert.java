package io.quayside.functions.rules.eval;

import io.quayside.model.Labels;

import java.util.Map;

/**
 * One alert of an alerting rule, as Prometheus tracks it between evaluations. Times are
 * milliseconds; {@link #NEVER} stands for "not yet" (Go's zero time: 0 is a real time, the
 * start of every promtool test). Mutable, owned by one rule's state.
 */
public final class ActiveAlert {
    public static final long NEVER = Long.MIN_VALUE;

    private final Labels labels;
    private final long activeAtMs;
    private Map<String, String> annotations;
    private double value;
    private AlertState state = AlertState.PENDING;
    private long firedAtMs = NEVER;
    private long resolvedAtMs = NEVER;
    private long keepFiringSinceMs = NEVER;
    private long lastSentAtMs = NEVER;

    ActiveAlert(Labels labels, Map<String, String> annotations, double value, long activeAtMs) {
        this.labels = labels;
        this.annotations = Map.copyOf(annotations);
        this.value = value;
        this.activeAtMs = activeAtMs;
    }

    public Labels labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public double value() {
        return value;
    }

    public AlertState state() {
        return state;
    }

    public long activeAtMs() {
        return activeAtMs;
    }

    public long firedAtMs() {
        return firedAtMs;
    }

    /** When the alert stopped firing; {@link #NEVER} while it is pending or firing. */
    public long resolvedAtMs() {
        return resolvedAtMs;
    }

    void seenAgain(double newValue, Map<String, String> newAnnotations) {
        value = newValue;
        annotations = Map.copyOf(newAnnotations);
        keepFiringSinceMs = NEVER;
    }

    void fire(long timeMs) {
        state = AlertState.FIRING;
        firedAtMs = timeMs;
    }

    void resolve(long timeMs) {
        state = AlertState.INACTIVE;
        resolvedAtMs = timeMs;
    }

    /** Starts (once) and checks the {@code keep_firing_for} window after the expression stopped returning this alert. */
    boolean keepsFiring(long timeMs, long keepFiringForMs) {
        if (state != AlertState.FIRING || keepFiringForMs <= 0) {
            return false;
        }
        if (keepFiringSinceMs == NEVER) {
            keepFiringSinceMs = timeMs;
        }
        return timeMs - keepFiringSinceMs < keepFiringForMs;
    }

    long lastSentAtMs() {
        return lastSentAtMs;
    }

    void sentAt(long timeMs) {
        lastSentAtMs = timeMs;
    }
}
