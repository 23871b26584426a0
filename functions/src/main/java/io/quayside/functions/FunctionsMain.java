package io.quayside.functions;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quayside.functions.rules.RulesCommand;
import io.quayside.functions.store.dynamodb.DynamoDbTenants;
import io.quayside.functions.tenancy.TenantAdministration;
import io.quayside.functions.tenancy.TenantRegistry;
import io.quayside.functions.tenancy.TenantsCommand;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

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
            Map<String, String> environment = System.getenv();
            System.exit(new TenantsCommand(() -> tenantStore(environment, Clock.systemUTC()), System.out, System.err).run(rest));
        }
        Quarkus.run(args);
    }

    /** Where the runtime started with {@code environment} keeps tenants: {@code QUAYSIDE_STORE} chooses, as {@code quayside.store}. */
    public static TenantAdministration tenantStore(Map<String, String> environment, Clock clock) {
        String store = environment.getOrDefault("QUAYSIDE_STORE", "");
        return switch (store.isBlank() ? "embedded" : store.strip().toLowerCase(Locale.ROOT)) {
            case "embedded" -> TenantRegistry.open(TenantsCommand.stateDir(environment), clock);
            case "dynamodb" -> DynamoDbTenants.fromEnvironment(environment, clock);
            default -> throw new IllegalArgumentException("QUAYSIDE_STORE must be 'embedded' or 'dynamodb', not '" + store + "'");
        };
    }
}
