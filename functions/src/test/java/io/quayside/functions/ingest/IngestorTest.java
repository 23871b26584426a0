package io.quayside.functions.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.store.embedded.EmbeddedStore;
import io.quayside.functions.store.embedded.EmbeddedWindows;
import io.quayside.functions.store.embedded.WindowLimits;
import io.quayside.functions.store.embedded.StateDirectory;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static io.quayside.functions.TestData.sample;
import static org.assertj.core.api.Assertions.assertThat;

class IngestorTest {
    @TempDir
    Path state;

    @Test
    void samplesGoToTheirContainerAndThoseWithoutOneAreCounted() {
        MetricFamily cpu = new MetricFamily("cpu", MetricType.COUNTER, "");
        Sample nodeLevel = new Sample(Labels.of(Labels.METRIC_NAME, "node_load1"), 0.5, 1000);
        SampleBatch batch = new SampleBatch("b1", "local", "node-1", "test", 1000, List.of(cpu),
                List.of(sample("a", "cpu", 1, 1000), sample("b", "cpu", 2, 1000), sample("a", "mem", 3, 1000), nodeLevel));
        try (EmbeddedStore store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper()), 60_000);
             EmbeddedWindows windows = new EmbeddedWindows(state, new WindowLimits(3_600_000, 100, 100), Clock.systemUTC())) {
            IngestResult result = new Ingestor(store, store, windows).ingest(batch);

            assertThat(result).isEqualTo(new IngestResult("b1", "local", 3, 1, 2, 0, 0));
            assertThat(windows.select("local", List.of(), 0, 2000)).extracting(series -> series.labels().metricName())
                    .containsExactly("cpu", "cpu", "mem", "node_load1");
            assertThat(store.latest("local", "a")).containsExactlyInAnyOrder(sample("a", "cpu", 1, 1000), sample("a", "mem", 3, 1000));
            assertThat(store.latest("local", "b")).containsExactly(sample("b", "cpu", 2, 1000));
            assertThat(store.families("local")).containsEntry("cpu", cpu);
        }
    }
}
