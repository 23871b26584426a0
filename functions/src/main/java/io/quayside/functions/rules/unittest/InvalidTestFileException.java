package io.quayside.functions.rules.unittest;

/** A unit-test file promtool would refuse before running anything. */
final class InvalidTestFileException extends Exception {
    InvalidTestFileException(String message) {
        super(message);
    }
}
