package io.quayside.functions.rules.template;

/** A template that does not parse, or fails while expanding; worded as Go's text/template words it. */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
