package io.quayside.model.exposition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One parse: walks the text line by line and cuts it into families. */
final class ExpositionReader {
    private final ExpositionFormat format;
    private final boolean strict;
    private final int maxLineChars;
    private final LabelSetReader labels;
    private final List<ScrapedFamily> families = new ArrayList<>();
    /** OpenMetrics: every sample name a family may use, with the line that family began on. */
    private final Map<String, Integer> claimedNames = new HashMap<>();
    private FamilyInProgress family;
    private boolean eof;

    ExpositionReader(ExpositionFormat format, int maxLineChars, int maxLabels) {
        this.format = format;
        this.strict = format == ExpositionFormat.OPENMETRICS;
        this.maxLineChars = maxLineChars;
        this.labels = new LabelSetReader(!strict, maxLabels);
    }

    List<ScrapedFamily> read(String text) {
        int lineNumber = 0;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            lineNumber++;
            if (end - start > maxLineChars) {
                throw new ExpositionParseException(lineNumber, "line longer than " + maxLineChars + " characters");
            }
            line(new LineCursor(text.substring(start, end), lineNumber));
            start = end + 1;
        }
        endFamily();
        if (strict && !eof) {
            throw new ExpositionParseException(lineNumber + 1, "OpenMetrics text must end with # EOF");
        }
        return families;
    }

    private void line(LineCursor line) {
        if (eof) {
            throw line.fail("nothing may follow # EOF");
        }
        if (strict) {
            if (line.atEnd()) {
                throw line.fail("blank lines are not allowed");
            }
            if (line.at('#')) {
                if (line.text().equals("# EOF")) {
                    eof = true;
                    return;
                }
                metadata(MetadataLine.readOpenMetrics(line), line);
                return;
            }
            sample(SampleLine.readOpenMetrics(line, labels), line);
            return;
        }
        line.skipBlanks();
        if (line.at('#')) {
            MetadataLine metadata = MetadataLine.readPrometheusText(line);
            if (metadata != null) {
                metadata(metadata, line);
            }
        } else if (!line.atEnd()) {
            sample(SampleLine.readPrometheusText(line, labels), line);
        }
    }

    private void metadata(MetadataLine metadata, LineCursor line) {
        if (family == null || !family.name().equals(metadata.name())) {
            startFamily(metadata.name(), line.lineNumber());
        }
        family.metadata(metadata, line);
    }

    private void sample(SampleLine sample, LineCursor line) {
        if (family == null || !family.accepts(sample.name())) {
            startFamily(sample.name(), line.lineNumber());
        }
        family.add(sample, line);
    }

    private void startFamily(String name, int lineNumber) {
        endFamily();
        family = new FamilyInProgress(name, lineNumber, format);
    }

    private void endFamily() {
        if (family == null) {
            return;
        }
        ScrapedFamily done = family.finish();
        if (strict) {
            claimNames(done);
        }
        families.add(done);
        family = null;
    }

    /** OpenMetrics forbids two families that could produce the same sample name, or one family twice. */
    private void claimNames(ScrapedFamily done) {
        Set<String> names = new LinkedHashSet<>();
        names.add(done.name());
        for (String suffix : done.type().sampleSuffixes(format)) {
            names.add(done.name() + suffix);
        }
        for (String name : names) {
            Integer earlier = claimedNames.putIfAbsent(name, family.firstLine());
            if (earlier != null) {
                throw new ExpositionParseException(family.firstLine(), "family " + done.name()
                        + " clashes with the family on line " + earlier + " over the name " + name);
            }
        }
    }
}
