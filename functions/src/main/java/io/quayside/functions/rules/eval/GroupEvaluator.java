package io.quayside.functions.rules.eval;

import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.rules.AlertingRule;
import io.quayside.functions.rules.RecordingRule;
import io.quayside.functions.rules.Rule;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates one rule group at times the caller chooses (its clock, its schedule), writing each
 * rule's outputs into a {@link RuleOutputs} that the next rules read, and stale markers for
 * series a rule stopped producing, as Prometheus' {@code Group.Eval} does.
 */
public final class GroupEvaluator {
    /** A rule that failed at one evaluation; the others still ran. */
    public record RuleFailure(Rule rule, String message) {
    }

    private final RuleGroup group;
    private final RuleOutputs source;
    private final PromqlEngine engine;
    private final List<AlertingRuleState> alertStates = new ArrayList<>();
    private final List<Set<Labels>> previousOutputs = new ArrayList<>();

    public GroupEvaluator(RuleGroup group, RuleOutputs source, ExternalContext context) {
        this.group = group;
        this.source = source;
        this.engine = new PromqlEngine(source);
        for (Rule rule : group.rules()) {
            alertStates.add(rule instanceof AlertingRule alerting ? new AlertingRuleState(alerting, context) : null);
            previousOutputs.add(Set.of());
        }
    }

    public RuleGroup group() {
        return group;
    }

    /** The state of every alerting rule, in file order. */
    public List<AlertingRuleState> alertingRules() {
        return alertStates.stream().filter(s -> s != null).toList();
    }

    /** Runs every rule once at {@code timeMs} (less the group's query offset); returns the rules that failed. */
    public List<RuleFailure> evaluate(long timeMs) {
        long evalTimeMs = timeMs - group.queryOffsetMs();
        List<RuleFailure> failures = new ArrayList<>();
        for (int i = 0; i < group.rules().size(); i++) {
            Rule rule = group.rules().get(i);
            try {
                List<Sample> outputs = outputs(i, rule, query(rule, evalTimeMs), evalTimeMs);
                write(i, outputs, evalTimeMs);
            } catch (RuleEvaluationException | PromqlException e) {
                failures.add(new RuleFailure(rule, e.getMessage()));
            }
        }
        return failures;
    }

    private List<Sample> outputs(int index, Rule rule, List<Sample> result, long timeMs) throws RuleEvaluationException {
        if (rule instanceof RecordingRule recording) {
            return RecordingRuleEvaluator.outputs(recording, result, timeMs, group.limit());
        }
        return alertStates.get(index).evaluate(result, timeMs, group.limit());
    }

    private List<Sample> query(Rule rule, long timeMs) throws RuleEvaluationException {
        Value value = engine.instantQuery(rule.expr(), timeMs).value();
        if (value instanceof Value.InstantVector vector) {
            return vector.samples();
        }
        if (value instanceof Value.Scalar scalar) {
            return List.of(new Sample(Labels.EMPTY, scalar.value(), timeMs));
        }
        throw new RuleEvaluationException("rule result is not a vector or scalar");
    }

    private void write(int index, List<Sample> outputs, long timeMs) {
        Set<Labels> written = new HashSet<>();
        for (Sample sample : outputs) {
            source.append(sample);
            written.add(sample.labels());
        }
        for (Labels gone : previousOutputs.get(index)) {
            if (!written.contains(gone)) {
                source.append(new Sample(gone, Sample.STALE_NAN, timeMs));
            }
        }
        previousOutputs.set(index, written);
    }
}
