package io.quayside.functions;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quayside.functions.rules.RulesCommand;

import java.util.Arrays;

/**
 * The functions jar's entry point: {@code rules ...} runs the rule tools in plain Java, without
 * starting Quarkus (fast enough for CI and editors); anything else starts the server as before.
 */
@QuarkusMain
public class FunctionsMain {
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("rules")) {
            System.exit(new RulesCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        Quarkus.run(args);
    }
}
