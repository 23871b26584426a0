package io.quayside.functions.promql.eval;

import io.quayside.functions.promql.numeric.XxHash64;
import io.quayside.model.Labels;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * limit_ratio's choice, as Prometheus' HashRatioSampler: a series' place in [0, 1] is its label
 * hash, so the same series stay chosen across steps and {@code r} and {@code r - 1} split them.
 */
final class RatioSampler {
    private static final double MAX_UINT64 = new BigInteger("18446744073709551615").doubleValue();

    private RatioSampler() {
    }

    static boolean keep(double ratio, Labels labels) {
        double offset = new BigInteger(Long.toUnsignedString(hash(labels))).doubleValue() / MAX_UINT64;
        return ratio >= 0 ? offset < ratio : offset >= 1 + ratio;
    }

    /** Prometheus' Labels.Hash: name, 0xff, value, 0xff for each label. */
    private static long hash(Labels labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < labels.size(); i++) {
            bytes.writeBytes(labels.name(i).getBytes(StandardCharsets.UTF_8));
            bytes.write(0xFF);
            bytes.writeBytes(labels.value(i).getBytes(StandardCharsets.UTF_8));
            bytes.write(0xFF);
        }
        return XxHash64.hash(bytes.toByteArray());
    }
}
