package io.quayside.functions.promql.script;

import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.PromqlException;

import java.util.List;
import java.util.regex.Pattern;

/** Runs one eval case against the engine and checks errors, annotations and results. */
public final class CaseRunner {
    private CaseRunner() {
    }

    public static Outcome run(EvalCase c) {
        String skip = SkipPolicy.reason(c);
        if (skip != null) {
            return Outcome.skipped(skip);
        }
        Expectations expect = c.expectations();
        PromqlEngine.Result result;
        try {
            PromqlEngine engine = new PromqlEngine(c.dataset().source());
            result = c.range()
                    ? engine.rangeQuery(c.expr(), c.startMs(), c.endMs(), c.stepMs())
                    : engine.instantQuery(c.expr(), c.startMs());
        } catch (PromqlException e) {
            return expect.fail ? checkError(expect, e.getMessage()) : Outcome.failed("unexpected error: " + e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed("engine threw " + e);
        }
        if (expect.fail) {
            return Outcome.failed("expected an error, got " + result.value());
        }
        String annotations = checkAnnotations("warning", result.warnings(), expect.warn, expect.noWarn);
        if (annotations == null) {
            annotations = checkAnnotations("info", result.infos(), expect.info, expect.noInfo);
        }
        if (annotations != null) {
            return Outcome.failed(annotations);
        }
        String mismatch = ResultComparison.compare(c, result.value());
        return mismatch == null ? Outcome.PASSED : Outcome.failed(mismatch);
    }

    private static Outcome checkError(Expectations expect, String message) {
        if (expect.failMessage != null && !expect.failMessage.equals(message)) {
            return Outcome.failed("expected error \"" + expect.failMessage + "\", got \"" + message + "\"");
        }
        if (expect.failRegex != null && !Pattern.compile(expect.failRegex).matcher(message).find()) {
            return Outcome.failed("expected error matching " + expect.failRegex + ", got \"" + message + "\"");
        }
        return Outcome.PASSED;
    }

    /** @return a mismatch, or null */
    private static String checkAnnotations(String kind, List<String> actual, String expected, boolean none) {
        if (none && !actual.isEmpty()) {
            return "expected no " + kind + ", got " + actual;
        }
        if (expected != null && actual.isEmpty()) {
            return "expected a " + kind + ", got none";
        }
        if (expected != null && !expected.isEmpty() && !actual.contains(expected)) {
            return "expected " + kind + " \"" + expected + "\", got " + actual;
        }
        return null;
    }
}
