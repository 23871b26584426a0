package io.quayside.functions.rules.eval;

import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.List;

/** The series Prometheus writes for each pending or firing alert, which rules and dashboards query. */
final class AlertSeries {
    static final String ALERTS = "ALERTS";
    static final String ALERTS_FOR_STATE = "ALERTS_FOR_STATE";

    private AlertSeries() {
    }

    /** {@code ALERTS{alertstate}} = 1, and {@code ALERTS_FOR_STATE} = when it became active, in seconds (restarts restore from it). */
    static List<Sample> of(ActiveAlert alert, long timeMs) {
        Labels labels = alert.labels();
        return List.of(
                new Sample(labels.toBuilder().add(Labels.METRIC_NAME, ALERTS).add("alertstate", alert.state().label()).build(), 1, timeMs),
                new Sample(labels.with(Labels.METRIC_NAME, ALERTS_FOR_STATE), Math.floorDiv(alert.activeAtMs(), 1000), timeMs));
    }
}
