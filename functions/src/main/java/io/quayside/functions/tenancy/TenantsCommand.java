package io.quayside.functions.tenancy;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code tenants create|list|revoke|limit}: the only way tenants and tokens change, so that nobody
 * edits {@code tenants.json} or the DynamoDB tenants table by hand. Exit status 0 when done, 1 when
 * the change was refused or the store failed, 2 for a wrong command line.
 */
public final class TenantsCommand {
    private static final String USAGE = """
            usage: tenants create TENANT [--rate N --burst M] [--description TEXT]
                                                     add a token (and the tenant if new); prints the token, once
                   tenants list                      tenants, token ids, creation times and rate limits
                   tenants revoke TENANT TOKEN_ID    the token stops working within seconds
                   tenants limit TENANT --rate N --burst M
                                                     requests a second and burst size for the tenant
            The state directory is $QUAYSIDE_STATE_DIR, else ~/.quayside; with QUAYSIDE_STORE=dynamodb, the tenants
            table the runtime uses (QUAYSIDE_TABLE_TENANTS, else $QUAYSIDE_DYNAMODB_TABLE_PREFIX-tenants).""";

    private final Supplier<TenantAdministration> store;
    private final PrintStream out;
    private final PrintStream err;

    /** @param store opened only once the command line is understood, so that a wrong one costs no connection */
    public TenantsCommand(Supplier<TenantAdministration> store, PrintStream out, PrintStream err) {
        this.store = store;
        this.out = out;
        this.err = err;
    }

    /** The same state directory as the runtime's {@code quayside.state-dir}. */
    public static Path stateDir(Map<String, String> environment) {
        String given = environment.get("QUAYSIDE_STATE_DIR");
        return given != null && !given.isBlank() ? Path.of(given) : Path.of(System.getProperty("user.home"), ".quayside");
    }

    /** @param args the words after {@code tenants}; returns the exit status */
    public int run(String... args) {
        try {
            CommandLine line = CommandLine.parse(args);
            switch (line.command()) {
                case "create" -> create(line);
                case "list" -> list(line);
                case "revoke" -> revoke(line);
                case "limit" -> limit(line);
                default -> throw new UsageException("unknown command '" + line.command() + "'");
            }
            return 0;
        } catch (UsageException e) {
            err.println("tenants: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("tenants: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // The store's own failures (no such table, no credentials) name their kind in their class.
            err.println("tenants: " + e);
            return 1;
        }
    }

    private void create(CommandLine line) {
        String tenant = line.positionals(1).get(0);
        line.allowOnly("rate", "burst", "description");
        TenantAdministration.IssuedToken issued = store.get().issue(tenant, line.rateLimit(false), line.option("description"));
        err.println("token " + issued.id() + " for tenant '" + tenant + "'; it is shown only now:");
        out.println(issued.token());
    }

    private void list(CommandLine line) {
        line.positionals(0);
        line.allowOnly();
        List<Tenant> tenants = store.get().tenants();
        int width = tenants.stream().mapToInt(tenant -> tenant.name().length()).max().orElse(0);
        String format = "%-" + Math.max(width, "TENANT".length()) + "s  %-32s  %-8s  %-20s  %s%n";
        out.printf(format, "TENANT", "RATE LIMIT", "TOKEN", "CREATED", "DESCRIPTION");
        for (Tenant tenant : tenants) {
            String limit = tenant.effectiveRateLimit() + (tenant.rateLimit().isEmpty() ? " (default)" : "");
            if (tenant.tokens().isEmpty()) {
                out.printf(format, tenant.name(), limit, "-", "-", "(no tokens)");
            }
            for (TenantToken token : tenant.tokens()) {
                out.printf(format, tenant.name(), limit, token.id(), token.created().truncatedTo(ChronoUnit.SECONDS),
                        token.description().orElse(""));
            }
        }
    }

    private void revoke(CommandLine line) {
        List<String> words = line.positionals(2);
        line.allowOnly();
        store.get().revoke(words.get(0), words.get(1));
        err.println("revoked token " + words.get(1) + " of tenant '" + words.get(0) + "'");
    }

    private void limit(CommandLine line) {
        String tenant = line.positionals(1).get(0);
        line.allowOnly("rate", "burst");
        RateLimit limit = line.rateLimit(true).orElseThrow();
        store.get().limit(tenant, limit);
        err.println("tenant '" + tenant + "': " + limit);
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A command, its positional words, and {@code --name value} options. */
    private record CommandLine(String command, List<String> words, Map<String, String> options) {
        static CommandLine parse(String... args) {
            if (args.length == 0) {
                throw new UsageException("which command?");
            }
            List<String> words = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    words.add(args[i]);
                } else if (i + 1 == args.length) {
                    throw new UsageException(args[i] + " needs a value");
                } else {
                    options.put(args[i].substring(2), args[++i]);
                }
            }
            return new CommandLine(args[0], words, options);
        }

        List<String> positionals(int count) {
            if (words.size() != count) {
                throw new UsageException(command + " takes " + count + " argument" + (count == 1 ? "" : "s") + ", not " + words.size());
            }
            return words;
        }

        void allowOnly(String... names) {
            Set<String> allowed = Set.of(names);
            options.keySet().stream().filter(name -> !allowed.contains(name)).findFirst()
                    .ifPresent(name -> {
                        throw new UsageException(command + " has no option --" + name);
                    });
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        Optional<RateLimit> rateLimit(boolean required) {
            if (!options.containsKey("rate") && !options.containsKey("burst") && !required) {
                return Optional.empty();
            }
            if (!options.containsKey("rate") || !options.containsKey("burst")) {
                throw new UsageException("give both --rate and --burst");
            }
            try {
                return Optional.of(new RateLimit(Double.parseDouble(options.get("rate")), Integer.parseInt(options.get("burst"))));
            } catch (NumberFormatException e) {
                throw new UsageException("--rate takes a number and --burst a whole number");
            }
        }
    }
}
