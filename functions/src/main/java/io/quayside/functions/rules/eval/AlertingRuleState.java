package io.quayside.functions.rules.eval;

import io.quayside.functions.rules.AlertingRule;
import io.quayside.functions.rules.template.AlertTemplate;
import io.quayside.functions.rules.template.TemplateData;
import io.quayside.functions.rules.template.TemplateException;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts of one alerting rule between evaluations: inactive → pending → firing → resolved, as
 * Prometheus' {@code AlertingRule.Eval} moves them, including {@code keep_firing_for} and the 15
 * minutes a resolved alert is kept so that its resolution is sent again.
 */
public final class AlertingRuleState {
    /** Prometheus' {@code resolvedRetention}. */
    public static final long RESOLVED_RETENTION_MS = 15 * 60_000;

    private final AlertingRule rule;
    private final ExternalContext context;
    private final Map<Labels, ActiveAlert> active = new LinkedHashMap<>();

    public AlertingRuleState(AlertingRule rule, ExternalContext context) {
        this.rule = rule;
        this.context = context;
    }

    public AlertingRule rule() {
        return rule;
    }

    /** Pending, firing and recently resolved alerts. */
    public List<ActiveAlert> alerts() {
        return List.copyOf(active.values());
    }

    /** Updates the alerts from the expression's result at a time; returns the {@code ALERTS} and {@code ALERTS_FOR_STATE} samples. */
    public List<Sample> evaluate(List<Sample> result, long timeMs, int limit) throws RuleEvaluationException {
        Map<Labels, Sample> current = new LinkedHashMap<>();
        Map<Labels, Map<String, String>> annotations = new LinkedHashMap<>();
        for (Sample sample : result) {
            TemplateData data = new TemplateData(sample.labels().toMap(), sample.value(),
                    context.externalLabels().toMap(), context.externalUrl());
            Labels.Builder labels = sample.labels().toBuilder().remove(Labels.METRIC_NAME);
            LabelOverrides.apply(labels, expand(rule.labelTemplates(), data));
            Labels alertLabels = labels.add("alertname", rule.name()).build();
            if (current.put(alertLabels, sample) != null) {
                throw new RuleEvaluationException("vector contains metrics with the same labelset after applying alert labels");
            }
            annotations.put(alertLabels, expand(rule.annotationTemplates(), data));
        }
        current.forEach((labels, sample) -> {
            ActiveAlert existing = active.get(labels);
            if (existing != null && existing.state() != AlertState.INACTIVE) {
                existing.seenAgain(sample.value(), annotations.get(labels));
            } else {
                active.put(labels, new ActiveAlert(labels, annotations.get(labels), sample.value(), timeMs));
            }
        });
        return advance(current, timeMs, limit);
    }

    private List<Sample> advance(Map<Labels, Sample> current, long timeMs, int limit) throws RuleEvaluationException {
        List<Sample> series = new ArrayList<>();
        int activeCount = 0;
        for (Iterator<ActiveAlert> it = active.values().iterator(); it.hasNext(); ) {
            ActiveAlert alert = it.next();
            if (!current.containsKey(alert.labels())) {
                boolean keepFiring = alert.keepsFiring(timeMs, rule.keepFiringForMs());
                if (alert.state() == AlertState.PENDING || (alert.resolvedAtMs() != ActiveAlert.NEVER
                        && timeMs - alert.resolvedAtMs() > RESOLVED_RETENTION_MS)) {
                    it.remove();
                }
                if (alert.state() != AlertState.INACTIVE && !keepFiring) {
                    alert.resolve(timeMs);
                }
                if (!keepFiring) {
                    continue;
                }
            }
            activeCount++;
            if (alert.state() == AlertState.PENDING && timeMs - alert.activeAtMs() >= rule.forMs()) {
                alert.fire(timeMs);
            }
            series.addAll(AlertSeries.of(alert, timeMs));
        }
        if (limit > 0 && activeCount > limit) {
            active.clear();
            throw new RuleEvaluationException("exceeded limit of " + limit + " with " + activeCount + " alerts");
        }
        return series;
    }

    /** A template that fails to expand yields Prometheus' error text instead of failing the rule. */
    private static Map<String, String> expand(Map<String, AlertTemplate> templates, TemplateData data) {
        Map<String, String> out = new LinkedHashMap<>();
        templates.forEach((name, template) -> {
            try {
                out.put(name, template.expand(data));
            } catch (TemplateException e) {
                out.put(name, "<error expanding template: " + e.getMessage() + ">");
            }
        });
        return out;
    }
}
