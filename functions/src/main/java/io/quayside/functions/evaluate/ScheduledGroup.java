package io.quayside.functions.evaluate;

import io.quayside.functions.rules.RuleGroup;
import io.quayside.functions.rules.eval.GroupEvaluator;

/** A loaded group with its evaluator and when it is next due; evaluations fall on multiples of its interval. */
final class ScheduledGroup {
    private final GroupEvaluator evaluator;
    private final WindowRuleOutputs outputs;
    private final long intervalMs;
    private long nextMs = Long.MIN_VALUE;

    ScheduledGroup(GroupEvaluator evaluator, WindowRuleOutputs outputs, long intervalMs) {
        this.evaluator = evaluator;
        this.outputs = outputs;
        this.intervalMs = intervalMs;
    }

    RuleGroup group() {
        return evaluator.group();
    }

    GroupEvaluator evaluator() {
        return evaluator;
    }

    long intervalMs() {
        return intervalMs;
    }

    /** The evaluation time due at {@code nowMs}, aligned to the interval, or -1 when not due yet. */
    long dueAt(long nowMs) {
        long slot = Math.floorDiv(nowMs, intervalMs) * intervalMs;
        if (slot < nextMs) {
            return -1;
        }
        nextMs = slot + intervalMs;
        return slot;
    }

    void flush() {
        outputs.flush();
    }
}
