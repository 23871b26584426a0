package io.quayside.functions.rules.eval;

/** An alert's state, named as in the {@code alertstate} label of {@code ALERTS}. */
public enum AlertState {
    INACTIVE, PENDING, FIRING;

    public String label() {
        return name().toLowerCase();
    }
}
