package io.quayside.functions.rules;

import io.quayside.functions.rules.unittest.RuleTestRunner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code rules test FILE...} and {@code rules check FILE...}: promtool's {@code test rules} and
 * {@code check rules}, with its output and exit codes, so CI scripts can switch between them.
 */
public final class RulesCommand {
    private final PrintStream out;
    private final PrintStream err;

    public RulesCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the words after {@code rules}; returns the exit status */
    public int run(String... args) {
        if (args.length < 2 || !(args[0].equals("test") || args[0].equals("check"))) {
            err.println("usage: rules test TEST_FILE...   run rule unit tests in promtool's format");
            err.println("       rules check RULE_FILE...  validate Prometheus rule files");
            return 2;
        }
        List<String> files = Arrays.asList(args).subList(1, args.length);
        boolean failed = false;
        for (String file : files) {
            failed |= args[0].equals("test") ? !test(file) : !check(file);
        }
        return failed ? 1 : 0;
    }

    private boolean test(String file) {
        out.println("Unit Testing:  " + file);
        List<String> errors = RuleTestRunner.run(Path.of(file));
        report(errors, "  SUCCESS", true);
        return errors.isEmpty();
    }

    private boolean check(String file) {
        out.println("Checking " + file);
        try {
            List<RuleGroup> groups = RuleFileParser.parse(Path.of(file));
            report(List.of(), "  SUCCESS: " + groups.stream().mapToInt(g -> g.rules().size()).sum() + " rules found", false);
            return true;
        } catch (RuleFileException e) {
            report(e.problems(), null, false);
            return false;
        }
    }

    /** Like promtool: failures and errors on stderr; blank separators on stdout, after each error too when testing. */
    private void report(List<String> errors, String success, boolean blankAfterEachError) {
        if (errors.isEmpty()) {
            out.println(success);
        } else {
            err.println("  FAILED:");
            for (String error : errors) {
                err.println(error);
                if (blankAfterEachError) {
                    out.println();
                }
            }
        }
        out.println();
        out.flush();
        err.flush();
    }
}
