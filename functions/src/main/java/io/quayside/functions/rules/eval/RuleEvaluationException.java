package io.quayside.functions.rules.eval;

/** A rule whose evaluation failed at one time; Prometheus' words, such as its duplicate labelset message. */
public final class RuleEvaluationException extends Exception {
    public RuleEvaluationException(String message) {
        super(message);
    }
}
