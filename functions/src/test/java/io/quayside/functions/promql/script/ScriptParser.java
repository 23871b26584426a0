package io.quayside.functions.promql.script;

import io.quayside.functions.promql.notation.PointNotation;

import io.quayside.functions.promql.parser.Durations;
import io.quayside.model.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a promqltest script into eval cases, each with the data loaded before it. */
public final class ScriptParser {
    private static final Pattern LOAD = Pattern.compile("load(?:_with_nhcb)?\\s+(\\S+)");
    private static final Pattern INSTANT = Pattern.compile("eval(?:_(\\w+))?\\s+instant\\s+at\\s+(\\S+)\\s+(.+)");
    private static final Pattern RANGE = Pattern.compile("eval(?:_(\\w+))?\\s+range\\s+from\\s+(\\S+)\\s+to\\s+(\\S+)\\s+step\\s+(\\S+)\\s+(.+)");

    private final String file;
    private final List<String> lines;
    private int index;
    private Dataset dataset = Dataset.EMPTY;

    private ScriptParser(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static List<EvalCase> parse(String file, List<String> lines) {
        return new ScriptParser(file, lines).run();
    }

    private List<EvalCase> run() {
        List<EvalCase> cases = new ArrayList<>();
        while (index < lines.size()) {
            String line = lines.get(index++).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher load = LOAD.matcher(line);
            if (load.matches()) {
                List<SeriesDescription> series = new ArrayList<>();
                indentedBlock().forEach(l -> series.add(SeriesDescription.parse(l)));
                dataset = dataset.plus(series, parseTime(load.group(1)));
            } else if (line.equals("clear")) {
                dataset = Dataset.EMPTY;
            } else if (line.startsWith("eval")) {
                cases.add(parseEval(line, index));
            } else {
                throw new IllegalArgumentException(file + ":" + index + ": unknown command: " + line);
            }
        }
        return cases;
    }

    /** The lines below a command that belong to it: up to a blank line or the next command. */
    private List<String> indentedBlock() {
        List<String> block = new ArrayList<>();
        while (index < lines.size()) {
            String raw = lines.get(index);
            if (raw.isBlank() || !Character.isWhitespace(raw.charAt(0)) && !raw.startsWith("#")) {
                break;
            }
            index++;
            String line = raw.strip();
            if (!line.startsWith("#")) {
                block.add(line);
            }
        }
        return block;
    }

    private EvalCase parseEval(String line, int lineNumber) {
        Matcher instant = INSTANT.matcher(line);
        Matcher range = RANGE.matcher(line);
        boolean isRange = range.matches();
        if (!isRange && !instant.matches()) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": bad eval: " + line);
        }
        Matcher m = isRange ? range : instant;
        String legacy = m.group(1);
        Expectations expectations = new Expectations();
        if (legacy != null) {
            expectations.apply(legacy);
        }
        long start = parseTime(m.group(2));
        long end = isRange ? parseTime(m.group(3)) : start;
        long step = isRange ? parseTime(m.group(4)) : 0;
        String expr = m.group(isRange ? 5 : 3);
        Map<Labels, List<Double>> expected = new LinkedHashMap<>();
        Double scalar = null;
        boolean histogram = false;
        for (String result : indentedBlock()) {
            if (result.startsWith("expect ")) {
                expectations.apply(result.substring(7).strip());
                continue;
            }
            histogram |= result.contains("{{");
            Double number = asNumber(result);
            if (number != null) {
                scalar = number;
            } else if (!histogram) {
                SeriesDescription series = SeriesDescription.parse(result);
                expected.put(series.labels(), PointNotation.expand(series.rest()).values());
            }
        }
        return new EvalCase(file, lineNumber, expr, isRange, start, end, step, dataset, expectations, expected, scalar, histogram);
    }

    private static Double asNumber(String line) {
        try {
            return PointNotation.parseValue(line);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Script times: a duration such as {@code 50m}, or seconds. */
    static long parseTime(String text) {
        long ms = Durations.parseMillis(text);
        return ms >= 0 ? ms : Durations.secondsToMillis(Double.parseDouble(text));
    }
}
