package io.quayside.functions.evaluate;

import io.quayside.functions.rules.RuleGroup;
import io.quayside.functions.rules.eval.ActiveAlert;
import io.quayside.functions.rules.eval.AlertNotifications;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.rules.eval.GroupEvaluator;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The {@code evaluate} function's work: every tenant's rule groups that are due are evaluated over
 * the tenant's windows (outputs written back to them), and the alerts due for sending go to the sink.
 */
public final class RuleEvaluation {
    private static final Logger LOG = Logger.getLogger(RuleEvaluation.class.getName());

    private final Map<String, List<ScheduledGroup>> byTenant = new TreeMap<>();
    private final AlertSink sink;
    private final AlertNotifications notifications;

    /**
     * @param groupsByTenant   each tenant's rule groups
     * @param defaultInterval  for groups whose file gives no interval (Prometheus' global default is 1m)
     */
    public RuleEvaluation(Map<String, List<RuleGroup>> groupsByTenant, SeriesWindows windows, AlertSink sink,
                          ExternalContext context, long defaultInterval) {
        this.sink = sink;
        this.notifications = new AlertNotifications(context, AlertNotifications.DEFAULT_RESEND_DELAY_MS);
        groupsByTenant.forEach((tenant, groups) -> {
            List<ScheduledGroup> scheduled = new ArrayList<>();
            for (RuleGroup group : groups) {
                WindowRuleOutputs outputs = new WindowRuleOutputs(windows, tenant);
                long interval = group.intervalMs() > 0 ? group.intervalMs() : defaultInterval;
                scheduled.add(new ScheduledGroup(new GroupEvaluator(group, outputs, context), outputs, interval));
            }
            byTenant.put(tenant, scheduled);
        });
    }

    /** Evaluates what is due at {@code nowMs}; returns how many groups ran. */
    public int evaluateDue(long nowMs) {
        int ran = 0;
        for (Map.Entry<String, List<ScheduledGroup>> tenant : byTenant.entrySet()) {
            List<Alert> alerts = new ArrayList<>();
            for (ScheduledGroup scheduled : tenant.getValue()) {
                long at = scheduled.dueAt(nowMs);
                if (at < 0) {
                    continue;
                }
                for (GroupEvaluator.RuleFailure failure : scheduled.evaluator().evaluate(at)) {
                    LOG.warning("tenant " + tenant.getKey() + ", group " + scheduled.group().name() + ", rule "
                            + failure.rule().name() + ": " + failure.message());
                }
                scheduled.flush();
                alerts.addAll(notifications.due(scheduled.evaluator(), at, scheduled.intervalMs()));
                ran++;
            }
            if (!alerts.isEmpty()) {
                sink.send(tenant.getKey(), alerts);
            }
        }
        return ran;
    }

    /** The tenant's pending and firing alerts (and resolved ones still kept for resending). */
    public List<ActiveAlert> activeAlerts(String tenant) {
        List<ActiveAlert> out = new ArrayList<>();
        for (ScheduledGroup scheduled : byTenant.getOrDefault(tenant, List.of())) {
            scheduled.evaluator().alertingRules().forEach(state -> out.addAll(state.alerts()));
        }
        return out;
    }
}
