package io.quayside.functions.rules.eval;

import io.quayside.model.Alert;
import io.quayside.model.Labels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts a group sends to Alertmanager after an evaluation, as Prometheus' {@code sendAlerts}
 * does: firing and resolved ones (never pending), each again after {@code resendDelayMs}, with an
 * {@code endsAt} far enough ahead that a missed evaluation does not resolve them.
 */
public final class AlertNotifications {
    /** Prometheus' {@code --rules.alert.resend-delay} default. */
    public static final long DEFAULT_RESEND_DELAY_MS = 60_000;

    private final ExternalContext context;
    private final long resendDelayMs;

    public AlertNotifications(ExternalContext context, long resendDelayMs) {
        this.context = context;
        this.resendDelayMs = resendDelayMs;
    }

    public List<Alert> due(GroupEvaluator evaluator, long timeMs, long intervalMs) {
        long endsAtDelta = 4 * Math.max(resendDelayMs, intervalMs);
        List<Alert> out = new ArrayList<>();
        for (AlertingRuleState state : evaluator.alertingRules()) {
            String generatorUrl = context.externalUrl() + "/graph?g0.expr="
                    + URLEncoder.encode(state.rule().expr(), StandardCharsets.UTF_8) + "&g0.tab=1";
            for (ActiveAlert alert : state.alerts()) {
                if (!needsSending(alert, timeMs)) {
                    continue;
                }
                boolean resolved = alert.resolvedAtMs() != ActiveAlert.NEVER;
                long endsAt = resolved ? alert.resolvedAtMs() : timeMs + endsAtDelta;
                out.add(new Alert(withExternalLabels(alert.labels()), alert.annotations(),
                        Instant.ofEpochMilli(alert.activeAtMs()), Instant.ofEpochMilli(endsAt), generatorUrl));
                alert.sentAt(timeMs);
            }
        }
        return out;
    }

    private boolean needsSending(ActiveAlert alert, long timeMs) {
        if (alert.state() == AlertState.PENDING) {
            return false;
        }
        if (alert.lastSentAtMs() == ActiveAlert.NEVER || alert.resolvedAtMs() > alert.lastSentAtMs()) {
            return true;
        }
        return alert.lastSentAtMs() + resendDelayMs <= timeMs;
    }

    /** The alert's own labels win over external ones, as the notifier does it. */
    private Labels withExternalLabels(Labels labels) {
        Labels.Builder builder = context.externalLabels().toBuilder();
        for (int i = 0; i < labels.size(); i++) {
            builder.add(labels.name(i), labels.value(i));
        }
        return builder.build();
    }
}
