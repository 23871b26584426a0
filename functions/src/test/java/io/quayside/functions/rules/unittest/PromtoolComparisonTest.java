package io.quayside.functions.rules.unittest;

import io.quayside.functions.rules.RulesCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every unit-test file in the repository (resources/rules here, and the seed rule pack in
 * infra/rules), run by promtool and by {@code rules test}: same verdict, same failures.
 */
class PromtoolComparisonTest {
    private static final List<Path> DIRS = List.of(Path.of("src/test/resources/rules"),
            Path.of(System.getProperty("quayside.repo.dir", ".."), "infra", "rules"));
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Pattern FAILURE = Pattern.compile("^ {4}(alertname: .*?, time: \\S+|expr: .*?, time: [^,]+|rule: .*?, time: \\S+),", Pattern.MULTILINE);

    record Run(int status, String output) {
    }

    static Stream<Path> testFiles() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : DIRS) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.getFileName().toString().endsWith(".test.yml")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("testFiles")
    void agreesWithPromtool(Path file) throws Exception {
        if (!Files.isExecutable(PROMTOOL)) {
            System.out.println("skipped: " + PROMTOOL + " is not installed, nothing to compare " + file + " with");
            Assumptions.abort("promtool not installed");
        }
        Run promtool = promtool(file);
        Run ours = ours(file);

        assertThat(ours.status()).as("exit status for %s", file).isEqualTo(promtool.status());
        assertThat(failures(ours.output())).as("failing alerts and expressions in %s", file).isEqualTo(failures(promtool.output()));
        if (!ours.output().equals(promtool.output())) {
            System.out.println("output differs from promtool's for " + file + ":\n--- promtool\n" + promtool.output() + "--- rules test\n" + ours.output());
        }
    }

    private static TreeSet<String> failures(String output) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = FAILURE.matcher(output);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Run promtool(Path file) throws Exception {
        Process process = new ProcessBuilder(PROMTOOL.toString(), "test", "rules", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    /** One stream for both, as the process above merges them. */
    private static Run ours(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new RulesCommand(both, both).run("test", file.toString());
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Rule-file problems carry promtool's line:column positions, so the whole output matches. */
    @Test
    void printsPromtoolsOutputForARuleFileThatDoesNotLoad() throws Exception {
        Path file = Path.of("src/test/resources/rules/invalid-rules.test.yml");
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed");

        assertThat(ours(file)).isEqualTo(promtool(file));
    }

    @Test
    void coversPassingAndFailingFiles() throws IOException {
        List<Path> files = testFiles().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        assertThat(files.stream().map(f -> ours(f).status())).contains(0, 1);
    }
}
