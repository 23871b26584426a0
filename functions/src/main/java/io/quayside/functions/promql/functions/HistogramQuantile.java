package io.quayside.functions.promql.functions;

import io.quayside.functions.promql.eval.Value;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** histogram_quantile over classic histograms: series grouped by all labels but {@code le}. */
final class HistogramQuantile implements PromqlFunction {
    private static final String BUCKET_LABEL = "le";
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Override
    public Value apply(FunctionCall call) {
        double q = call.scalar(0);
        call.annotations().checkQuantile(q);
        Map<Labels, List<ClassicBuckets.Bucket>> histograms = new LinkedHashMap<>();
        Map<Labels, String> names = new LinkedHashMap<>();
        for (Sample sample : call.vector(1)) {
            String le = sample.labels().get(BUCKET_LABEL);
            Double upperBound = le == null ? null : parseGoFloat(le);
            if (upperBound == null) {
                call.annotations().warn("bucket label \"le\" is missing or has a malformed value of \"" + (le == null ? "" : le)
                        + "\" for metric name \"" + nameOf(sample.labels()) + "\"");
                continue;
            }
            Labels group = sample.labels().without(BUCKET_LABEL);
            histograms.computeIfAbsent(group, k -> new ArrayList<>()).add(new ClassicBuckets.Bucket(upperBound, sample.value()));
            names.put(group, nameOf(sample.labels()));
        }
        List<Sample> out = new ArrayList<>();
        histograms.forEach((group, buckets) -> {
            ClassicBuckets.Result result = ClassicBuckets.quantile(q, buckets);
            if (result.forcedMonotonic()) {
                call.annotations().info("input to histogram_quantile needed to be fixed for monotonicity (see "
                        + "https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile) for metric name \""
                        + names.get(group) + "\"");
            }
            out.add(call.sample(PerSeries.dropName(group), result.value()));
        });
        return new Value.InstantVector(out);
    }

    private static String nameOf(Labels labels) {
        String name = labels.metricName();
        return name == null ? "" : name;
    }

    /** Go's strconv.ParseFloat for the forms bucket bounds take; null when malformed. */
    private static Double parseGoFloat(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        return GO_FLOAT.matcher(text).matches() ? Double.parseDouble(text) : null;
    }
}
