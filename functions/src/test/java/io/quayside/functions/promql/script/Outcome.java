package io.quayside.functions.promql.script;

/** How one eval case went: passed, failed with a reason, or skipped with a reason. */
public record Outcome(Status status, String reason) {
    public enum Status { PASSED, FAILED, SKIPPED }

    static final Outcome PASSED = new Outcome(Status.PASSED, "");

    static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, reason);
    }

    static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, reason);
    }
}
