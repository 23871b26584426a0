package io.quayside.functions.promql.ast;

/** The four PromQL value types, named as Prometheus names them in error messages. */
public enum ValueType {
    SCALAR("scalar"),
    VECTOR("instant vector"),
    MATRIX("range vector"),
    STRING("string");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
