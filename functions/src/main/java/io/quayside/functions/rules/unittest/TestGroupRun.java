package io.quayside.functions.rules.unittest;

import io.quayside.functions.promql.InMemorySeriesSource;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.rules.RuleDurations;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.functions.rules.eval.ActiveAlert;
import io.quayside.functions.rules.eval.AlertState;
import io.quayside.functions.rules.eval.AlertingRuleState;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.rules.eval.GroupEvaluator;
import io.quayside.functions.rules.eval.OverlayRuleOutputs;
import io.quayside.functions.rules.unittest.PromtoolText.LabelsAndAnnotations;
import io.quayside.functions.rules.unittest.PromtoolText.ParsedSample;
import io.quayside.functions.rules.unittest.RuleTestFile.AlertTest;
import io.quayside.functions.rules.unittest.RuleTestFile.ExprTest;
import io.quayside.functions.rules.unittest.RuleTestFile.TestGroup;
import io.quayside.functions.promql.notation.SeriesNotation;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One test group as promtool runs it: input series from time 0, every rule group evaluated each
 * evaluation interval up to the last eval_time, alerts checked at the evaluation at or just before
 * each eval_time, expressions checked at the end against inputs and rule outputs.
 */
final class TestGroupRun {
    private final TestGroup test;
    private final long evalIntervalMs;
    private final OverlayRuleOutputs source;
    private final List<GroupEvaluator> evaluators = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private TestGroupRun(TestGroup test, long evalIntervalMs, List<RuleGroup> groups) {
        this.test = test;
        this.evalIntervalMs = evalIntervalMs;
        InMemorySeriesSource input = new InMemorySeriesSource();
        test.inputSeries().forEach(s -> InputSeries.samples(s.getKey(), s.getValue(), test.intervalMs()).forEach(input::add));
        this.source = new OverlayRuleOutputs(input);
        ExternalContext context = new ExternalContext(Labels.fromMap(test.externalLabels()), test.externalUrl());
        groups.forEach(g -> evaluators.add(new GroupEvaluator(g, source, context)));
    }

    static List<String> run(TestGroup test, long evalIntervalMs, List<RuleGroup> groups) {
        for (AlertTest alertTest : test.alertTests()) {
            if (alertTest.alertname().isEmpty()) {
                String in = test.name().isEmpty() ? "" : " (in TestGroup " + test.name() + ")";
                return List.of("an item under alert_rule_test misses required attribute alertname at eval_time "
                        + RuleDurations.format(alertTest.evalTimeMs()) + in);
            }
        }
        TestGroupRun run;
        try {
            run = new TestGroupRun(test, evalIntervalMs, groups);
        } catch (PromqlException | IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        if (run.evaluateRules()) {
            test.exprTests().forEach(run::checkExpr);
        }
        return run.errors;
    }

    /** False when a rule failed to evaluate: promtool stops the group there. */
    private boolean evaluateRules() {
        long maxTime = Stream.concat(test.alertTests().stream().map(AlertTest::evalTimeMs), test.exprTests().stream().map(ExprTest::evalTimeMs))
                .max(Long::compare).orElse(0L);
        List<AlertTest> pending = new ArrayList<>(test.alertTests());
        pending.sort(Comparator.comparingLong(AlertTest::evalTimeMs));
        for (long t = 0; t <= maxTime; t += evalIntervalMs) {
            List<String> failures = new ArrayList<>();
            String time = RuleDurations.formatGoDuration(t);
            for (GroupEvaluator evaluator : evaluators) {
                evaluator.evaluate(t).forEach(f -> failures.add("    rule: " + f.rule().name() + ", time: " + time + ", err: " + f.message()));
            }
            errors.addAll(failures);
            if (!failures.isEmpty()) {
                return false;
            }
            while (!pending.isEmpty() && pending.get(0).evalTimeMs() < t + evalIntervalMs) {
                checkAlerts(pending.remove(0));
            }
        }
        return true;
    }

    private void checkAlerts(AlertTest alertTest) {
        List<LabelsAndAnnotations> got = new ArrayList<>();
        for (GroupEvaluator evaluator : evaluators) {
            for (AlertingRuleState state : evaluator.alertingRules()) {
                if (state.rule().name().equals(alertTest.alertname())) {
                    state.alerts().stream()
                            .filter(a -> a.state() == AlertState.FIRING && a.resolvedAtMs() == ActiveAlert.NEVER)
                            .forEach(a -> got.add(new LabelsAndAnnotations(a.labels(), Labels.fromMap(a.annotations()))));
                }
            }
        }
        List<LabelsAndAnnotations> expected = new ArrayList<>();
        alertTest.expected().forEach(e -> expected.add(new LabelsAndAnnotations(
                Labels.fromMap(e.labels()).with("alertname", alertTest.alertname()), Labels.fromMap(e.annotations()))));
        got.sort(null);
        expected.sort(null);
        if (!got.equals(expected)) {
            String name = test.name().isEmpty() ? "" : "    name: " + test.name() + ",\n";
            errors.add(name + "    alertname: " + alertTest.alertname() + ", time: " + RuleDurations.format(alertTest.evalTimeMs())
                    + ", \n        exp:" + PromtoolText.alerts(expected) + ", \n        got:" + PromtoolText.alerts(got));
        }
    }

    private void checkExpr(ExprTest exprTest) {
        String head = "    expr: " + PromtoolText.quote(exprTest.expr()) + ", time: " + RuleDurations.format(exprTest.evalTimeMs());
        List<ParsedSample> got;
        try {
            got = query(exprTest.expr(), exprTest.evalTimeMs());
        } catch (PromqlException e) {
            errors.add(head + ", err: " + e.getMessage());
            return;
        }
        List<ParsedSample> expected = new ArrayList<>();
        for (Map.Entry<String, Double> sample : exprTest.expected()) {
            try {
                expected.add(new ParsedSample(SeriesNotation.labels(sample.getKey()), sample.getValue()));
            } catch (PromqlException | IllegalArgumentException e) {
                errors.add(head + ", err: labels " + PromtoolText.quote(sample.getKey()) + ": " + e.getMessage());
                return;
            }
        }
        got.sort(Comparator.comparing(ParsedSample::labels));
        expected.sort(Comparator.comparing(ParsedSample::labels));
        boolean same = got.size() == expected.size();
        for (int i = 0; same && i < got.size(); i++) {
            same = got.get(i).sameAs(expected.get(i));
        }
        if (!same) {
            errors.add(head + ",\n        exp: " + PromtoolText.samples(expected) + "\n        got: " + PromtoolText.samples(got));
        }
    }

    private List<ParsedSample> query(String expr, long timeMs) {
        Value value = new PromqlEngine(source).instantQuery(expr, timeMs).value();
        List<ParsedSample> samples = new ArrayList<>();
        if (value instanceof Value.InstantVector vector) {
            for (Sample s : vector.samples()) {
                samples.add(new ParsedSample(s.labels(), s.value()));
            }
        } else if (value instanceof Value.Scalar scalar) {
            samples.add(new ParsedSample(Labels.EMPTY, scalar.value()));
        } else {
            throw new PromqlException("rule result is not a vector or scalar");
        }
        return samples;
    }
}
