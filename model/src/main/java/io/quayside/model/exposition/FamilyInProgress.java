package io.quayside.model.exposition;

import java.util.ArrayList;
import java.util.List;

/** A family while its lines are being read: metadata, samples so far, and (OpenMetrics) its rules. */
final class FamilyInProgress {
    private final String name;
    private final int firstLine;
    private final ExpositionFormat format;
    private final boolean strict;
    private final List<ScrapedSample> samples = new ArrayList<>();
    private FamilyType type;
    private String help;
    private String unit;
    private int unitLine;
    private OpenMetricsFamilyRules rules;

    FamilyInProgress(String name, int firstLine, ExpositionFormat format) {
        this.name = name;
        this.firstLine = firstLine;
        this.format = format;
        this.strict = format == ExpositionFormat.OPENMETRICS;
    }

    String name() {
        return name;
    }

    int firstLine() {
        return firstLine;
    }

    FamilyType type() {
        return type == null ? FamilyType.UNKNOWN : type;
    }

    /** Whether a sample of this name belongs here rather than starting a family of its own. */
    boolean accepts(String sampleName) {
        if (!sampleName.startsWith(name)) {
            return false;
        }
        String suffix = sampleName.substring(name.length());
        return type().sampleSuffixes(format).contains(suffix);
    }

    void metadata(MetadataLine metadata, LineCursor line) {
        if (strict && (!samples.isEmpty() || rules != null)) {
            throw line.fail("metadata for " + name + " must come before its samples");
        }
        String text = metadata.text();
        switch (metadata.kind()) {
            case HELP -> help = once(help, text, line);
            case UNIT -> {
                unit = once(unit, text, line);
                unitLine = line.lineNumber();
            }
            case TYPE -> {
                FamilyType parsed = FamilyType.fromWord(text, format);
                if (parsed == null) {
                    throw line.fail("unknown metric type '" + text + "'");
                }
                type = once(type, parsed, line);
            }
        }
    }

    /** OpenMetrics allows each kind of metadata once; Prometheus text keeps the last. */
    private <T> T once(T before, T now, LineCursor line) {
        if (strict && before != null) {
            throw line.fail("repeated metadata for " + name);
        }
        return now;
    }

    void add(SampleLine sample, LineCursor line) {
        if (strict) {
            if (rules == null) {
                rules = new OpenMetricsFamilyRules(name, type());
            }
            if (!rules.admit(sample, line)) {
                return;
            }
        }
        samples.add(sample.toSample());
    }

    ScrapedFamily finish() {
        if (strict) {
            if (rules != null) {
                rules.finish();
            }
            checkUnit();
        }
        return new ScrapedFamily(name, type(), help == null ? "" : help, unit == null ? "" : unit, samples, format);
    }

    private void checkUnit() {
        if (unit == null || unit.isEmpty()) {
            return;
        }
        if (!name.endsWith("_" + unit)) {
            throw new ExpositionParseException(unitLine, "the name " + name + " must end in the unit, _" + unit);
        }
        if (type == FamilyType.INFO || type == FamilyType.STATESET) {
            throw new ExpositionParseException(unitLine, "a family of type " + type.exposition() + " has no unit");
        }
    }
}
