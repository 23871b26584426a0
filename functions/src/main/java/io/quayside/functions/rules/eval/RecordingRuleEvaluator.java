package io.quayside.functions.rules.eval;

import io.quayside.functions.rules.RecordingRule;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Renames a recording rule's result to the record name and applies its labels. */
final class RecordingRuleEvaluator {
    private RecordingRuleEvaluator() {
    }

    static List<Sample> outputs(RecordingRule rule, List<Sample> result, long timeMs, int limit) throws RuleEvaluationException {
        List<Sample> out = new ArrayList<>(result.size());
        Set<Labels> seen = new HashSet<>();
        for (Sample sample : result) {
            Labels.Builder labels = sample.labels().toBuilder().add(Labels.METRIC_NAME, rule.name());
            LabelOverrides.apply(labels, rule.labels());
            Labels built = labels.build();
            if (!seen.add(built)) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying rule labels");
            }
            out.add(new Sample(built, sample.value(), timeMs));
        }
        if (limit > 0 && out.size() > limit) {
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + out.size() + " series");
        }
        return out;
    }
}
