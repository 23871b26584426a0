package io.quayside.functions.rules.unittest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quayside.functions.rules.RuleDurations;
import io.quayside.functions.rules.YamlFields;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A promtool unit-test file: which rule files to load, and the test groups to run against them. */
record RuleTestFile(List<Path> ruleFiles, long evaluationIntervalMs, List<String> groupEvalOrder, List<TestGroup> tests) {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> FIELDS = Set.of("rule_files", "evaluation_interval", "group_eval_order", "tests");
    private static final Set<String> GROUP_FIELDS = Set.of("interval", "input_series", "alert_rule_test",
            "promql_expr_test", "external_labels", "external_url", "name");

    record TestGroup(String name, long intervalMs, List<Map.Entry<String, String>> inputSeries, Map<String, String> externalLabels,
                     String externalUrl, List<AlertTest> alertTests, List<ExprTest> exprTests) {
    }

    record AlertTest(long evalTimeMs, String alertname, List<ExpectedAlert> expected) {
    }

    record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
    }

    record ExprTest(String expr, long evalTimeMs, List<Map.Entry<String, Double>> expected) {
    }

    /** Rule file paths are relative to the test file and may be globs; the test interval defaults to the evaluation interval. */
    static RuleTestFile read(Path file) throws IOException, InvalidTestFileException {
        JsonNode root = YAML.readTree(Files.readString(file));
        List<String> unknown = YamlFields.unknown(root, FIELDS, "main.unitTestFile");
        if (!unknown.isEmpty()) {
            throw new InvalidTestFileException("yaml: unmarshal errors:\n  " + String.join("\n  ", unknown));
        }
        long evaluationInterval = duration(root, "evaluation_interval");
        long interval = evaluationInterval == 0 ? 60_000 : evaluationInterval;
        List<String> order = new ArrayList<>();
        root.path("group_eval_order").forEach(n -> order.add(n.asText()));
        List<TestGroup> tests = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            tests.add(testGroup(test, interval));
        }
        return new RuleTestFile(ruleFiles(file, root.path("rule_files")), interval, order, tests);
    }

    private static TestGroup testGroup(JsonNode node, long defaultInterval) throws InvalidTestFileException {
        List<String> unknown = YamlFields.unknown(node, GROUP_FIELDS, "main.testGroup");
        if (!unknown.isEmpty()) {
            throw new InvalidTestFileException("yaml: unmarshal errors:\n  " + String.join("\n  ", unknown));
        }
        List<Map.Entry<String, String>> series = new ArrayList<>();
        node.path("input_series").forEach(s -> series.add(Map.entry(YamlFields.text(s, "series"), YamlFields.text(s, "values"))));
        List<AlertTest> alertTests = new ArrayList<>();
        for (JsonNode test : node.path("alert_rule_test")) {
            List<ExpectedAlert> expected = new ArrayList<>();
            test.path("exp_alerts").forEach(a -> expected.add(new ExpectedAlert(YamlFields.map(a, "exp_labels"), YamlFields.map(a, "exp_annotations"))));
            alertTests.add(new AlertTest(duration(test, "eval_time"), YamlFields.text(test, "alertname"), expected));
        }
        List<ExprTest> exprTests = new ArrayList<>();
        for (JsonNode test : node.path("promql_expr_test")) {
            List<Map.Entry<String, Double>> expected = new ArrayList<>();
            test.path("exp_samples").forEach(s -> expected.add(Map.entry(YamlFields.text(s, "labels"), number(s.path("value")))));
            exprTests.add(new ExprTest(YamlFields.text(test, "expr"), duration(test, "eval_time"), expected));
        }
        long interval = duration(node, "interval");
        return new TestGroup(YamlFields.text(node, "name"), interval == 0 ? defaultInterval : interval, series,
                YamlFields.map(node, "external_labels"), YamlFields.text(node, "external_url"), alertTests, exprTests);
    }

    private static double number(JsonNode value) {
        String text = value.asText().strip();
        return switch (text.toLowerCase()) {
            case ".inf", "+.inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-inf" -> Double.NEGATIVE_INFINITY;
            case ".nan", "nan" -> Double.NaN;
            default -> text.isEmpty() ? 0 : Double.parseDouble(text);
        };
    }

    private static long duration(JsonNode node, String field) throws InvalidTestFileException {
        String text = YamlFields.text(node, field);
        long ms = RuleDurations.parse(text);
        if (ms < 0) {
            throw new InvalidTestFileException("not a valid duration string: \"" + text + "\"");
        }
        return ms;
    }

    private static List<Path> ruleFiles(Path testFile, JsonNode patterns) throws IOException {
        Path base = testFile.getParent() == null ? Path.of("") : testFile.getParent();
        List<Path> files = new ArrayList<>();
        for (JsonNode pattern : patterns) {
            Path resolved = base.resolve(pattern.asText()).normalize();
            Path dir = resolved.getParent() == null ? Path.of("") : resolved.getParent();
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(dir.toAbsolutePath())) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.toAbsolutePath(), resolved.getFileName().toString())) {
                    stream.forEach(match -> matches.add(dir.resolve(match.getFileName())));
                }
            }
            if (matches.isEmpty()) {
                System.err.println("  WARNING: no file match pattern " + pattern.asText());
            }
            matches.sort(null);
            files.addAll(matches);
        }
        return files;
    }
}
