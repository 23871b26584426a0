package io.quayside.functions;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quayside.functions.rules.RulesCommand;
import io.quayside.functions.tenancy.TenantsCommand;

import java.time.Clock;
import java.util.Arrays;

/**
 * The functions jar's entry point: {@code rules ...} runs the rule tools and {@code tenants ...}
 * manages tenants and tokens, in plain Java without starting Quarkus (fast enough for CI, editors
 * and scripts); anything else starts the server as before.
 */
@QuarkusMain
public class FunctionsMain {
    public static void main(String... args) {
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (args.length > 0 && args[0].equals("rules")) {
            System.exit(new RulesCommand(System.out, System.err).run(rest));
        }
        if (args.length > 0 && args[0].equals("tenants")) {
            System.exit(new TenantsCommand(TenantsCommand.stateDir(System.getenv()), Clock.systemUTC(), System.out, System.err).run(rest));
        }
        Quarkus.run(args);
    }
}
