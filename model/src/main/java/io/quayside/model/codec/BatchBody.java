package io.quayside.model.codec;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The body of a batch, both directions; the layout is described in {@link SampleBatchCodec}. */
final class BatchBody {
    /** Wire codes of the metric types: positions in this array, independent of the enum's order. */
    private static final MetricType[] TYPES = {
            MetricType.COUNTER, MetricType.GAUGE, MetricType.HISTOGRAM, MetricType.SUMMARY, MetricType.UNTYPED};
    /** A sample takes at least one byte each for its label set, timestamp and value. */
    private static final int MIN_SAMPLE_BYTES = 3;
    /** A family takes at least a name ref, a type byte and a help ref. */
    private static final int MIN_FAMILY_BYTES = 3;

    private BatchBody() {
    }

    static void write(SampleBatch batch, ByteWriter out) {
        StringDictionary dictionary = new StringDictionary();
        int batchId = dictionary.ref(batch.batchId());
        int tenant = dictionary.ref(batch.tenant());
        int node = dictionary.ref(batch.node());
        int agentVersion = dictionary.ref(batch.agentVersion());
        List<MetricFamily> families = batch.families();
        int[] familyRefs = new int[2 * families.size()];
        for (int i = 0; i < families.size(); i++) {
            familyRefs[2 * i] = dictionary.ref(families.get(i).name());
            familyRefs[2 * i + 1] = dictionary.ref(families.get(i).help());
        }
        // Label sets go first into their own column, so that every string has its ref before the dictionary is written.
        List<Sample> samples = batch.samples();
        ByteWriter labelColumn = new ByteWriter(4 * samples.size());
        LabelSetWriter labels = new LabelSetWriter(dictionary);
        for (Sample sample : samples) {
            labels.write(sample.labels(), labelColumn);
        }

        dictionary.writeTo(out);
        out.writeVarint(batchId);
        out.writeVarint(tenant);
        out.writeVarint(node);
        out.writeVarint(agentVersion);
        out.writeZigZag(batch.sentAtMs());
        out.writeVarint(families.size());
        for (int i = 0; i < families.size(); i++) {
            out.writeVarint(familyRefs[2 * i]);
            out.writeByte(typeCode(families.get(i).type()));
            out.writeVarint(familyRefs[2 * i + 1]);
        }
        out.writeVarint(samples.size());
        out.write(labelColumn);
        long previous = batch.sentAtMs();
        for (Sample sample : samples) {
            out.writeZigZag(sample.timestampMs() - previous);
            previous = sample.timestampMs();
        }
        for (Sample sample : samples) {
            CompactDouble.write(out, sample.value());
        }
    }

    static SampleBatch read(ByteReader in, int maxSamples) {
        DecodedDictionary dictionary = DecodedDictionary.read(in);
        String batchId = dictionary.string(in, "batch id", -1);
        String tenant = dictionary.string(in, "tenant", -1);
        String node = dictionary.string(in, "node", -1);
        String agentVersion = dictionary.string(in, "agent version", -1);
        long sentAtMs = in.readZigZag("sent-at time", -1);

        int familyCount = in.readCount("family count", MIN_FAMILY_BYTES);
        List<MetricFamily> families = new ArrayList<>(familyCount);
        for (int i = 0; i < familyCount; i++) {
            String name = dictionary.string(in, "name of family", i);
            int offset = in.position();
            int type = in.readByte("type of family", i);
            if (type >= TYPES.length) {
                throw new BatchFormatException("unknown metric type " + type + " of family " + i + " at offset " + offset);
            }
            families.add(new MetricFamily(name, TYPES[type], dictionary.string(in, "help of family", i)));
        }

        int offset = in.position();
        long count = in.readVarint("sample count", -1);
        if (count < 0 || count > maxSamples) {
            throw new BatchFormatException("sample count " + Long.toUnsignedString(count) + " at offset " + offset
                    + " exceeds the limit of " + maxSamples);
        }
        if (count > in.remaining() / MIN_SAMPLE_BYTES) {
            throw new BatchFormatException("truncated: " + count + " samples at offset " + offset + " need at least "
                    + MIN_SAMPLE_BYTES * count + " bytes, " + in.remaining() + " left");
        }
        int n = (int) count;
        Labels[] labels = new Labels[n];
        LabelSetReader labelReader = new LabelSetReader(dictionary);
        for (int i = 0; i < n; i++) {
            labels[i] = labelReader.read(in, i);
        }
        long[] timestamps = new long[n];
        long previous = sentAtMs;
        for (int i = 0; i < n; i++) {
            previous += in.readZigZag("timestamp of sample", i);
            timestamps[i] = previous;
        }
        Sample[] samples = new Sample[n];
        for (int i = 0; i < n; i++) {
            samples[i] = new Sample(labels[i], CompactDouble.read(in, i), timestamps[i]);
        }
        if (in.remaining() > 0) {
            throw new BatchFormatException("trailing garbage: " + in.remaining() + " bytes after the last sample at offset "
                    + in.position());
        }
        try {
            return new SampleBatch(batchId, tenant, node, agentVersion, sentAtMs, families, Arrays.asList(samples));
        } catch (IllegalArgumentException e) {
            throw new BatchFormatException("invalid batch: " + e.getMessage(), e);
        }
    }

    private static int typeCode(MetricType type) {
        return Arrays.asList(TYPES).indexOf(type);
    }
}
