package io.quayside.model.codec;

import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but reproducible batches that reach the corners of the format. */
final class RandomBatches {
    static final double[] SPECIAL_VALUES = {
            Double.NaN, Sample.STALE_NAN, Double.longBitsToDouble(0x7ff8000000000123L), Double.longBitsToDouble(0xfff0000000000001L),
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p53, -0x1p53, 0x1p53 + 2, 0.1, 0.3, 0.1 + 0.2,
            1234.567891234, 1e-9, 123456789.123456789, 4096, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE};

    private final Random random;

    RandomBatches(long seed) {
        random = new Random(seed);
    }

    SampleBatch next() {
        List<String> names = new ArrayList<>(List.of(Labels.METRIC_NAME, "job", "instance", "le"));
        for (int i = random.nextInt(12); i > 0; i--) {
            names.add(name());
        }
        List<MetricFamily> families = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            MetricType[] types = MetricType.values();
            families.add(new MetricFamily(name(), types[random.nextInt(types.length)], random.nextBoolean() ? "" : text(40)));
        }
        List<Sample> samples = new ArrayList<>();
        long sentAtMs = timestamp();
        long timestamp = sentAtMs;
        Labels labels = Labels.EMPTY;
        int count = random.nextInt(10) == 0 ? 0 : random.nextInt(300);
        for (int i = 0; i < count; i++) {
            labels = nextLabels(labels, names);
            timestamp = switch (random.nextInt(10)) {
                case 0 -> timestamp();
                case 1 -> timestamp - random.nextInt(100_000);
                default -> timestamp + random.nextInt(5);
            };
            samples.add(new Sample(labels, value(), timestamp));
        }
        return new SampleBatch(nonBlank(), tenant(), nonBlank(), random.nextBoolean() ? "" : text(10),
                sentAtMs, families, samples);
    }

    /** The previous set again, the previous names with a few new values (a delta), or a new set, sometimes too large for a delta mask. */
    private Labels nextLabels(Labels previous, List<String> names) {
        int choice = random.nextInt(6);
        if (choice == 0) {
            return previous;
        }
        if (choice <= 2 && previous.size() > 0) {
            Labels.Builder builder = previous.toBuilder();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                builder.add(previous.name(random.nextInt(previous.size())), value(8));
            }
            return builder.build();
        }
        Labels.Builder builder = Labels.builder();
        int size = random.nextInt(20) == 0 ? 60 + random.nextInt(40) : random.nextInt(8);
        for (int k = 0; k < size; k++) {
            builder.add(random.nextBoolean() ? names.get(random.nextInt(names.size())) : name(), value(8));
        }
        return builder.build();
    }

    double value() {
        return switch (random.nextInt(8)) {
            case 0 -> SPECIAL_VALUES[random.nextInt(SPECIAL_VALUES.length)];
            case 1 -> Double.longBitsToDouble(random.nextLong());
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            case 3 -> random.nextInt();
            case 4 -> random.nextLong() >> random.nextInt(64);
            case 5 -> Math.round(random.nextDouble() * 1e9) / Math.pow(10, random.nextInt(10));
            case 6 -> -random.nextInt(1000) / 1000.0;
            default -> random.nextInt(100);
        };
    }

    private long timestamp() {
        return switch (random.nextInt(6)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextLong();
            default -> 1_700_000_000_000L + random.nextInt(1 << 30);
        };
    }

    private String name() {
        String first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_";
        String rest = first + "0123456789";
        StringBuilder s = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int i = random.nextInt(15); i > 0; i--) {
            s.append(rest.charAt(random.nextInt(rest.length())));
        }
        return s.toString();
    }

    /** Tenants are restricted to a URL-safe alphabet (TenantName). */
    private String tenant() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder s = new StringBuilder().append(alphabet.charAt(random.nextInt(36)));
        for (int i = random.nextInt(62); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private String nonBlank() {
        return "x" + text(20);
    }

    private String value(int maxLength) {
        return random.nextInt(8) == 0 ? "" : text(maxLength);
    }

    /** ASCII, accents, CJK, emoji and other code points outside the BMP; never lone surrogates, which UTF-8 cannot carry. */
    private String text(int maxLength) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            int codePoint = switch (random.nextInt(5)) {
                case 0 -> 0x00A0 + random.nextInt(0x0700);
                case 1 -> 0x4E00 + random.nextInt(0x5000);
                case 2 -> 0x1F300 + random.nextInt(0x0300);
                case 3 -> random.nextInt(0x20);
                default -> 0x20 + random.nextInt(0x5F);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }
}
