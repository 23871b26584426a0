package io.quayside.functions.promql.script;

import io.quayside.functions.promql.notation.PointNotation;

import io.quayside.functions.promql.InMemorySeriesSource;
import io.quayside.functions.promql.LabelMatcher;
import io.quayside.model.Labels;
import io.quayside.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The data loaded at one point of a script; each eval keeps the dataset it saw. */
public final class Dataset {
    static final Dataset EMPTY = new Dataset(List.of(), Set.of());

    private final List<Sample> samples;
    private final Set<Labels> histogramSeries;
    private InMemorySeriesSource source;

    private Dataset(List<Sample> samples, Set<Labels> histogramSeries) {
        this.samples = samples;
        this.histogramSeries = histogramSeries;
    }

    /** This data plus one {@code load} block's series, points {@code stepMs} apart from time 0. */
    Dataset plus(List<SeriesDescription> lines, long stepMs) {
        List<Sample> all = new ArrayList<>(samples);
        Set<Labels> histograms = new TreeSet<>(histogramSeries);
        for (SeriesDescription line : lines) {
            PointNotation.Points points = PointNotation.expand(line.rest());
            if (points.hasHistogram()) {
                histograms.add(line.labels());
            }
            for (int i = 0; i < points.values().size(); i++) {
                Double value = points.values().get(i);
                if (value != null) {
                    all.add(new Sample(line.labels(), value, i * stepMs));
                }
            }
        }
        return new Dataset(List.copyOf(all), Set.copyOf(histograms));
    }

    synchronized InMemorySeriesSource source() {
        if (source == null) {
            source = new InMemorySeriesSource();
            samples.forEach(source::add);
        }
        return source;
    }

    /** A native-histogram series the matchers select, or null. */
    Labels histogramSeriesMatching(List<LabelMatcher> matchers) {
        for (Labels labels : histogramSeries) {
            if (matchers.stream().allMatch(m -> m.matches(labels.get(m.name())))) {
                return labels;
            }
        }
        return null;
    }
}
