package io.quayside.functions.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Labels;
import io.quayside.model.Sample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.quayside.functions.lambda.LambdaInvocations.eventFile;
import static io.quayside.functions.lambda.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * The {@code evaluate} Lambda woken by the EventBridge schedule event of events/schedule: the rule
 * group of src/test/resources/runtime-rules/local runs and writes its recorded series back.
 */
@QuarkusTest
@TestProfile(EvaluateLambdaTest.Export.class)
@Tag("lambda")
class EvaluateLambdaTest {
    public static class Export extends FunctionExport {
        @Override
        String function() {
            return "evaluate";
        }
    }

    @Inject
    SeriesWindows windows;

    @Inject
    ObjectMapper json;

    @Test
    void theScheduleEventRunsTheDueRuleGroupsAtItsTime() throws Exception {
        long end = System.currentTimeMillis() / 10_000 * 10_000;
        List<Sample> requests = new ArrayList<>();
        for (long t = end - 60_000; t <= end; t += 10_000) {
            requests.add(new Sample(Labels.of("__name__", "requests_total", "id", "web-1", "service", "shop"), (t - end) / 1000.0 * 3 + 500, t));
        }
        windows.append("local", requests);
        // The file's event, at the time the samples were written (retention is measured from now).
        ObjectNode event = (ObjectNode) json.readTree(eventFile("schedule/evaluate.json"));
        event.put("time", Instant.ofEpochMilli(end).toString());

        invoke(json.writeValueAsString(event)).statusCode(200).body(equalTo("1"));

        assertThat(windows.select("local", List.of(LabelMatcher.of(LabelMatcher.Type.EQUAL, "__name__", "service:requests:rate1m")),
                end, end)).singleElement().satisfies(series -> {
                    assertThat(series.labels().get("service")).isEqualTo("shop");
                    assertThat(series.values()).containsExactly(new double[]{3.0}, within(1e-9));
                });
    }
}
