package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;
import io.quayside.model.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings files are read again once their reading is older than the time to live, never sooner. */
class CgroupSettingsTest {
    @TempDir
    Path cgroup;
    private final AtomicLong nanos = new AtomicLong();
    private final CgroupSettings settings = new CgroupSettings(new ExpiringValues<>(Duration.ofSeconds(60), nanos::get));

    private SampleCollector collector() {
        return new SampleCollector(Labels.of("id", "a"), 0);
    }

    @Test
    void anUpdateShowsOnceTheReadingIsOlderThanTheTimeToLive() throws Exception {
        Path quota = Files.writeString(cgroup.resolve("cpu.cfs_quota_us"), "50000\n");
        assertThat(settings.readLong(quota.toString(), collector())).hasValue(50000);

        Files.writeString(quota, "100000\n");
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(settings.readLong(quota.toString(), collector())).as("remembered").hasValue(50000);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(settings.readLong(quota.toString(), collector())).as("read again").hasValue(100000);
    }

    @Test
    void aFailedReadIsNotRememberedAndIsCountedEverySweep() throws Exception {
        Path limit = cgroup.resolve("memory.limit_in_bytes");
        SampleCollector first = collector();
        assertThat(settings.readLong(limit.toString(), first)).isEmpty();
        assertThat(first.readErrors()).containsEntry("missing_file", 1);

        Files.writeString(limit, "garbage\n");
        SampleCollector second = collector();
        assertThat(settings.readLong(limit.toString(), second)).isEmpty();
        SampleCollector third = collector();
        assertThat(settings.readLong(limit.toString(), third)).isEmpty();
        assertThat(third.readErrors()).as("garbage counted again though remembered").containsEntry("unparsable", 1);

        Files.writeString(limit, "1048576\n");
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(settings.readLong(limit.toString(), collector())).hasValue(1048576);
    }
}
