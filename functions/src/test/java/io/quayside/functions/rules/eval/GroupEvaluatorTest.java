package io.quayside.functions.rules.eval;

import io.quayside.functions.promql.InMemorySeriesSource;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.PromqlEngine;
import io.quayside.functions.promql.Series;
import io.quayside.functions.promql.eval.Value;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.RuleGroup;
import io.quayside.model.Alert;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupEvaluatorTest {
    private static final long MINUTE = 60_000;
    private static final String RULES = """
            groups:
              - name: services
                rules:
                  - record: service:memory:sum
                    expr: sum by (service) (memory)
                  - alert: ServiceMemoryHigh
                    expr: service:memory:sum > 100
                    annotations:
                      summary: '{{ $labels.service }} uses {{ $value | humanize }}B'
            """;

    private final InMemorySeriesSource input = new InMemorySeriesSource();
    private final OverlayRuleOutputs outputs = new OverlayRuleOutputs(input);

    private GroupEvaluator evaluator() throws Exception {
        RuleGroup group = RuleFileParser.parse("services.yml", RULES).get(0);
        return new GroupEvaluator(group, outputs, new ExternalContext(Labels.of("cluster", "eu-1"), "http://prom"));
    }

    @Test
    void laterRulesReadWhatEarlierRulesRecordedInTheSameRound() throws Exception {
        input.add(new Sample(Labels.of("__name__", "memory", "service", "web", "name", "a"), 70, 0));
        input.add(new Sample(Labels.of("__name__", "memory", "service", "web", "name", "b"), 80, 0));
        GroupEvaluator evaluator = evaluator();

        assertThat(evaluator.evaluate(0)).isEmpty();

        Value recorded = new PromqlEngine(outputs).instantQuery("service:memory:sum", 0).value();
        assertThat(((Value.InstantVector) recorded).samples())
                .containsExactly(new Sample(Labels.of("__name__", "service:memory:sum", "service", "web"), 150, 0));
        ActiveAlert alert = evaluator.alertingRules().get(0).alerts().get(0);
        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        assertThat(alert.annotations()).containsEntry("summary", "web uses 150B");
    }

    @Test
    void marksSeriesARuleStoppedProducingAsStale() throws Exception {
        input.add(new Sample(Labels.of("__name__", "memory", "service", "web"), 150, 0));
        input.add(new Sample(Labels.of("__name__", "memory", "service", "web"), Sample.STALE_NAN, 30_000));
        GroupEvaluator evaluator = evaluator();
        evaluator.evaluate(0);

        evaluator.evaluate(MINUTE);

        List<Series> recorded = outputs.select(List.of(LabelMatcher.of(LabelMatcher.Type.EQUAL, "__name__", "service:memory:sum")), 0, MINUTE);
        assertThat(recorded).singleElement().satisfies(s -> {
            assertThat(s.timestamps()).containsExactly(0, MINUTE);
            assertThat(Double.doubleToRawLongBits(s.values()[1])).isEqualTo(Sample.STALE_NAN_BITS);
        });
        Value alerts = new PromqlEngine(outputs).instantQuery("ALERTS", MINUTE).value();
        assertThat(((Value.InstantVector) alerts).samples()).isEmpty();
    }

    @Test
    void reportsAFailingRuleAndStillRunsTheOthers() throws Exception {
        RuleGroup group = RuleFileParser.parse("g.yml", """
                groups:
                  - name: g
                    rules:
                      - record: a:b
                        expr: '"text"'
                      - record: c:d
                        expr: vector(1)
                """).get(0);
        GroupEvaluator evaluator = new GroupEvaluator(group, outputs, ExternalContext.NONE);

        assertThat(evaluator.evaluate(0)).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("rule result is not a vector or scalar"));
        assertThat(outputs.select(List.of(LabelMatcher.of(LabelMatcher.Type.EQUAL, "__name__", "c:d")), 0, 0)).hasSize(1);
    }

    @Test
    void sendsFiringAndResolvedAlertsWithExternalLabels() throws Exception {
        input.add(new Sample(Labels.of("__name__", "memory", "service", "web"), 150, 0));
        GroupEvaluator evaluator = evaluator();
        AlertNotifications notifications = new AlertNotifications(new ExternalContext(Labels.of("cluster", "eu-1"), "http://prom"),
                AlertNotifications.DEFAULT_RESEND_DELAY_MS);
        evaluator.evaluate(0);

        List<Alert> firing = notifications.due(evaluator, 0, MINUTE);
        assertThat(firing).singleElement().satisfies(a -> {
            assertThat(a.labels()).isEqualTo(Labels.of("alertname", "ServiceMemoryHigh", "cluster", "eu-1", "service", "web"));
            assertThat(a.startsAt()).isEqualTo(Instant.EPOCH);
            assertThat(a.endsAt()).isEqualTo(Instant.ofEpochMilli(4 * MINUTE));
            assertThat(a.generatorURL()).startsWith("http://prom/graph?g0.expr=service%3Amemory%3Asum");
        });
        assertThat(notifications.due(evaluator, 30_000, MINUTE)).as("not resent before the resend delay").isEmpty();

        evaluator.evaluate(10 * MINUTE);
        List<Alert> resolved = notifications.due(evaluator, 10 * MINUTE, MINUTE);
        assertThat(resolved).singleElement().satisfies(a -> assertThat(a.status(Instant.ofEpochMilli(10 * MINUTE))).isEqualTo(Alert.Status.RESOLVED));
    }
}
