package io.quayside.functions.rules.unittest;

import io.quayside.functions.rules.RuleFileException;
import io.quayside.functions.rules.RuleFileParser;
import io.quayside.functions.rules.RuleGroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one promtool unit-test file; the result is promtool's list of failure messages, empty on success. */
public final class RuleTestRunner {
    private RuleTestRunner() {
    }

    public static List<String> run(Path testFile) {
        RuleTestFile file;
        try {
            file = RuleTestFile.read(testFile);
        } catch (IOException | InvalidTestFileException e) {
            return List.of(e.getMessage());
        }
        Map<String, Integer> order = new HashMap<>();
        for (String group : file.groupEvalOrder()) {
            if (order.put(group, order.size()) != null) {
                return List.of("group name repeated in evaluation order: " + group);
            }
        }
        List<String> errors = new ArrayList<>();
        for (RuleTestFile.TestGroup test : file.tests()) {
            try {
                errors.addAll(TestGroupRun.run(test, file.evaluationIntervalMs(), groups(file.ruleFiles(), order)));
            } catch (RuleFileException e) {
                errors.addAll(e.problems());
            }
        }
        return errors;
    }

    /** Rule groups of all files, those named in group_eval_order first in that order; the others keep file order. */
    private static List<RuleGroup> groups(List<Path> ruleFiles, Map<String, Integer> order) throws RuleFileException {
        List<RuleGroup> groups = new ArrayList<>();
        for (Path ruleFile : ruleFiles) {
            groups.addAll(RuleFileParser.parse(ruleFile));
        }
        groups.sort(Comparator.comparingInt(g -> order.getOrDefault(g.name(), 0)));
        return groups;
    }
}
