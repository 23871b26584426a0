package io.quayside.functions.rules.eval;

import io.quayside.functions.rules.AlertingRule;
import io.quayside.functions.rules.template.AlertTemplate;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The state machine driven directly with expression results at chosen times: no clock, no sleeping. */
class AlertingRuleStateTest {
    private static final long MINUTE = 60_000;
    private static final Labels WEB = Labels.of("__name__", "cpu", "service", "web");

    private static AlertingRuleState rule(long forMs, long keepFiringForMs) throws Exception {
        AlertingRule rule = new AlertingRule("HighCpu", "cpu > 90", forMs, keepFiringForMs,
                Map.of("severity", "page"), Map.of("summary", "{{ $labels.service }} at {{ $value }}"),
                Map.of("severity", AlertTemplate.parse("__alert_HighCpu", "page")),
                Map.of("summary", AlertTemplate.parse("__alert_HighCpu", "{{ $labels.service }} at {{ $value }}")));
        return new AlertingRuleState(rule, ExternalContext.NONE);
    }

    private static List<Sample> above(double value, long t) {
        return List.of(new Sample(WEB, value, t));
    }

    @Test
    void isPendingUntilForHasPassedThenFires() throws Exception {
        AlertingRuleState state = rule(5 * MINUTE, 0);

        state.evaluate(above(95, 0), 0, 0);
        ActiveAlert alert = state.alerts().get(0);
        assertThat(alert.state()).isEqualTo(AlertState.PENDING);
        assertThat(alert.labels()).isEqualTo(Labels.of("alertname", "HighCpu", "service", "web", "severity", "page"));
        assertThat(alert.annotations()).containsEntry("summary", "web at 95");

        state.evaluate(above(97, 4 * MINUTE), 4 * MINUTE, 0);
        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.PENDING);
        assertThat(state.alerts().get(0).annotations()).containsEntry("summary", "web at 97");

        state.evaluate(above(97, 5 * MINUTE), 5 * MINUTE, 0);
        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.FIRING);
        assertThat(state.alerts().get(0).activeAtMs()).isZero();
        assertThat(state.alerts().get(0).firedAtMs()).isEqualTo(5 * MINUTE);
    }

    @Test
    void dropsAPendingAlertAtOnceWhenTheConditionClears() throws Exception {
        AlertingRuleState state = rule(5 * MINUTE, 0);
        state.evaluate(above(95, 0), 0, 0);

        assertThat(state.evaluate(List.of(), MINUTE, 0)).isEmpty();
        assertThat(state.alerts()).isEmpty();
    }

    @Test
    void keepsAResolvedAlertFifteenMinutesForResending() throws Exception {
        AlertingRuleState state = rule(0, 0);
        state.evaluate(above(95, 0), 0, 0);
        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.FIRING);

        state.evaluate(List.of(), MINUTE, 0);
        ActiveAlert resolved = state.alerts().get(0);
        assertThat(resolved.state()).isEqualTo(AlertState.INACTIVE);
        assertThat(resolved.resolvedAtMs()).isEqualTo(MINUTE);

        state.evaluate(List.of(), 16 * MINUTE, 0);
        assertThat(state.alerts()).hasSize(1);
        state.evaluate(List.of(), 16 * MINUTE + 1, 0);
        assertThat(state.alerts()).isEmpty();
    }

    @Test
    void startsAFreshAlertWhenAResolvedOneComesBack() throws Exception {
        AlertingRuleState state = rule(0, 0);
        state.evaluate(above(95, 0), 0, 0);
        state.evaluate(List.of(), MINUTE, 0);

        state.evaluate(above(96, 2 * MINUTE), 2 * MINUTE, 0);

        assertThat(state.alerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.activeAtMs()).isEqualTo(2 * MINUTE);
            assertThat(a.resolvedAtMs()).isEqualTo(ActiveAlert.NEVER);
        });
    }

    @Test
    void keepsFiringForTheConfiguredTimeAfterTheConditionClears() throws Exception {
        AlertingRuleState state = rule(0, 3 * MINUTE);
        state.evaluate(above(95, 0), 0, 0);

        state.evaluate(List.of(), MINUTE, 0);
        state.evaluate(List.of(), 3 * MINUTE, 0);
        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.FIRING);

        state.evaluate(List.of(), 4 * MINUTE, 0);
        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.INACTIVE);
        assertThat(state.alerts().get(0).resolvedAtMs()).isEqualTo(4 * MINUTE);
    }

    @Test
    void restartsTheKeepFiringWindowWhenTheConditionReturns() throws Exception {
        AlertingRuleState state = rule(0, 3 * MINUTE);
        state.evaluate(above(95, 0), 0, 0);
        state.evaluate(List.of(), MINUTE, 0);
        state.evaluate(above(95, 2 * MINUTE), 2 * MINUTE, 0);
        state.evaluate(List.of(), 3 * MINUTE, 0);

        state.evaluate(List.of(), 5 * MINUTE, 0);

        assertThat(state.alerts().get(0).state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void writesAlertsAndAlertsForStateSeries() throws Exception {
        AlertingRuleState state = rule(MINUTE, 0);

        List<Sample> pending = state.evaluate(above(95, 2 * MINUTE), 2 * MINUTE, 0);
        List<Sample> firing = state.evaluate(above(95, 3 * MINUTE), 3 * MINUTE, 0);

        Labels alertLabels = Labels.of("alertname", "HighCpu", "service", "web", "severity", "page");
        assertThat(pending).containsExactly(
                new Sample(alertLabels.with("__name__", "ALERTS").with("alertstate", "pending"), 1, 2 * MINUTE),
                new Sample(alertLabels.with("__name__", "ALERTS_FOR_STATE"), 120, 2 * MINUTE));
        assertThat(firing).first().isEqualTo(new Sample(alertLabels.with("__name__", "ALERTS").with("alertstate", "firing"), 1, 3 * MINUTE));
        assertThat(state.evaluate(List.of(), 4 * MINUTE, 0)).isEmpty();
    }

    @Test
    void refusesResultsThatCollideAfterDroppingTheMetricName() throws Exception {
        AlertingRuleState state = rule(0, 0);
        List<Sample> twoMetrics = List.of(new Sample(WEB, 95, 0), new Sample(WEB.with("__name__", "mem"), 95, 0));

        assertThatThrownBy(() -> state.evaluate(twoMetrics, 0, 0))
                .hasMessage("vector contains metrics with the same labelset after applying alert labels");
    }

    @Test
    void enforcesTheGroupLimit() throws Exception {
        AlertingRuleState state = rule(0, 0);
        List<Sample> two = List.of(new Sample(WEB, 95, 0), new Sample(WEB.with("service", "db"), 95, 0));

        assertThatThrownBy(() -> state.evaluate(two, 0, 1)).hasMessage("exceeded limit of 1 with 2 alerts");
        assertThat(state.alerts()).isEmpty();
    }
}
