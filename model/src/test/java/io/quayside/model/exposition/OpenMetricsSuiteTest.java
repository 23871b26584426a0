package io.quayside.model.exposition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OpenMetrics project's parser suite: every good case accepted, every bad one rejected. */
class OpenMetricsSuiteTest {
    private static final int GOOD_CASES = 44;
    private static final int BAD_CASES = 167;
    private static final ExpositionParser PARSER = new ExpositionParser(ExpositionFormat.OPENMETRICS);
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();

    record Case(String name, String text, boolean shouldParse) {
    }

    @TestFactory
    Stream<DynamicNode> openMetricsParserSuite() throws IOException {
        Path folder = SharedTestData.folder("openmetrics/parsers", "OpenMetricsSuiteTest");
        List<Case> cases = cases(folder);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("suite has " + GOOD_CASES + " good and " + BAD_CASES + " bad cases", () -> {
            assertThat(cases.stream().filter(Case::shouldParse).count()).isEqualTo(GOOD_CASES);
            assertThat(cases.stream().filter(c -> !c.shouldParse()).count()).isEqualTo(BAD_CASES);
        }));
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> counted(() -> check(c))));
        }
        return tests.stream();
    }

    private static void check(Case c) {
        if (c.shouldParse()) {
            assertThat(PARSER.parse(c.text())).as(c.name()).isNotNull();
        } else {
            assertThatThrownBy(() -> PARSER.parse(c.text())).as(c.name())
                    .isInstanceOf(ExpositionParseException.class)
                    .hasMessageStartingWith("line ");
        }
    }

    private static void counted(Runnable check) {
        try {
            check.run();
            PASSED.incrementAndGet();
        } catch (RuntimeException | AssertionError e) {
            FAILED.incrementAndGet();
            throw e;
        }
    }

    @AfterAll
    static void summary() {
        if (PASSED.get() + FAILED.get() > 0) {
            System.out.println("openmetrics: " + PASSED + " passed, " + FAILED + " failed");
        }
    }

    private static List<Case> cases(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.sorted().toList()) {
                JsonNode spec = json.readTree(dir.resolve("test.json").toFile());
                assertThat(spec.path("type").asText()).as(dir.toString()).isEqualTo("text");
                String text = Files.readString(dir.resolve(spec.path("file").asText("metrics")), StandardCharsets.UTF_8);
                cases.add(new Case(dir.getFileName().toString(), text, spec.path("shouldParse").asBoolean()));
            }
        }
        return cases;
    }
}
