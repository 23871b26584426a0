package io.quayside.model.exposition;

/** Exposition text that breaks a rule of its format; the message names the line and the rule. */
public final class ExpositionParseException extends RuntimeException {
    private final int lineNumber;

    public ExpositionParseException(int lineNumber, String problem) {
        super("line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** One-based; a problem found at the end of the text names the line after the last. */
    public int lineNumber() {
        return lineNumber;
    }
}
