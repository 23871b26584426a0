package io.quayside.functions.store.dynamodb;

import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.store.SeriesWindowsContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.quayside.model.Labels;
import io.quayside.model.Sample;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows contract against DynamoDB Local, one-minute buckets; and what only chunks do. */
class DynamoDbWindowsContractTest extends SeriesWindowsContract {
    private static final CapacityMeter METER = DynamoDbLocal.meter();
    private final DynamoDbClient client = DynamoDbLocal.client();
    private String table;

    @Override
    protected SeriesWindows open(Duration retention) {
        table = DynamoDbLocal.createTables(client).windows();
        return new DynamoDbWindows(client, table, retention, Duration.ofMinutes(1), clock);
    }

    @Test
    void anAppendWritesOneChunkPerBucketAndSplitsChunksPastTheItemLimit() {
        SeriesWindows windows = open(Duration.ofHours(1));
        long t = clock.millis();
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(new Sample(Labels.of("__name__", "cpu", "id", "c" + i), i, t - 1000));
        }
        CapacityMeter.Tally before = METER.tally(table);
        windows.append("a", batch);
        CapacityMeter.Tally oneChunk = METER.tally(table).minus(before);
        assertThat(oneChunk.requests()).isEqualTo(1);
        assertThat(oneChunk.writeUnits()).as("1,000 samples deflated fit a few KB").isBetween(1.0, 10.0);

        // Random ids and values hardly deflate (~45 bytes a sample): more than one 400 KB item can hold.
        Random random = new Random(7);
        List<Sample> noisy = new ArrayList<>();
        for (int i = 0; i < 15_000; i++) {
            noisy.add(new Sample(Labels.of("__name__", "noise", "id", Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())), random.nextDouble(), t - 500));
        }
        before = METER.tally(table);
        assertThat(windows.append("a", noisy).appended()).isEqualTo(15_000);
        assertThat(METER.tally(table).minus(before).writeUnits()).as("over 400 KB written: two items at least").isGreaterThan(400);
        assertThat(samplesOf(windows.select("a", matchers("=", "__name__", "noise"), 0, t))).hasSize(15_000);
    }

    @Test
    void dynamoDbLocalReportsTheCapacityEveryRequestConsumed() {
        SeriesWindows windows = open(Duration.ofHours(1));
        long t = clock.millis();
        windows.append("a", List.of(cpu("x", 1, t - 70_000), cpu("x", 2, t - 1000)));
        CapacityMeter.Tally written = METER.tally(table);
        assertThat(written.requests()).as("two buckets, one batch request").isEqualTo(1);
        assertThat(written.writeUnits()).as("two small items").isEqualTo(2.0);

        windows.select("a", List.of(), t - 120_000, t);
        CapacityMeter.Tally read = METER.tally(table).minus(written);
        assertThat(read.requests()).as("one query per bucket overlapped").isBetween(3L, 4L);
        assertThat(read.readUnits()).as("eventually consistent: half a unit per 4 KB, per query").isGreaterThan(0).isLessThanOrEqualTo(2.0);
    }
}
