package io.quayside.functions.rules.unittest;

import io.quayside.functions.rules.template.GoFloat;
import io.quayside.model.Labels;

import java.util.List;
import java.util.stream.Collectors;

/** The text promtool's failure messages are made of, reproduced so users can diff the two tools' output. */
final class PromtoolText {
    private PromtoolText() {
    }

    record LabelsAndAnnotations(Labels labels, Labels annotations) implements Comparable<LabelsAndAnnotations> {
        @Override
        public int compareTo(LabelsAndAnnotations other) {
            int cmp = labels.compareTo(other.labels);
            return cmp != 0 ? cmp : annotations.compareTo(other.annotations);
        }

        @Override
        public String toString() {
            return "Labels:" + labels + "\nAnnotations:" + annotations;
        }
    }

    record ParsedSample(Labels labels, double value) {
        /** Float equality as Go's reflect.DeepEqual has it: NaN never equals. */
        boolean sameAs(ParsedSample other) {
            return labels.equals(other.labels) && value == other.value;
        }

        @Override
        public String toString() {
            return labels + " " + GoFloat.shortestE(value);
        }
    }

    static String alerts(List<LabelsAndAnnotations> alerts) {
        if (alerts.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < alerts.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(i).append(':').append(indent("\n" + alerts.get(i), "  "));
        }
        return indent(out.append("\n]").toString(), "            ");
    }

    static String samples(List<ParsedSample> samples) {
        return samples.isEmpty() ? "nil" : samples.stream().map(ParsedSample::toString).collect(Collectors.joining(", "));
    }

    /** Prefixes every line but the first, as promtool's {@code indentLines}. */
    static String indent(String lines, String indent) {
        return lines.replace("\n", "\n" + indent);
    }

    /** Go's {@code %q}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
