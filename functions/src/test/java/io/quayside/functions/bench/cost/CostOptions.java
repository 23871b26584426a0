package io.quayside.functions.bench.cost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cost model simulates: the fleet, its interval, how long, and the functions' settings.
 *
 * @param warmupMinutes simulated before counting starts, so that windows hold what the rules' ranges
 *                      reach back over (the seed pack's longest is 10m) and the JIT has compiled the hot paths
 */
record CostOptions(int hosts, int containersPerHost, Duration interval, int minutes, int warmupMinutes,
                   int lambdaMemoryMb, int sqsBatchSize, Path rules, Duration federateInterval) {

    static final String USAGE = "usage: cost-model [--hosts N (50)] [--containers-per-host M (20)] [--interval 10s]"
            + " [--minutes 10] [--warmup-minutes 10] [--lambda-memory-mb 512] [--sqs-batch-size 10]"
            + " [--rules infra/rules/containers.rules.yml] [--federate-interval 15s]";

    CostOptions {
        positive("--hosts", hosts);
        positive("--containers-per-host", containersPerHost);
        positive("--minutes", minutes);
        positive("--lambda-memory-mb", lambdaMemoryMb);
        if (warmupMinutes < 0) {
            throw new IllegalArgumentException("--warmup-minutes must not be negative: " + warmupMinutes);
        }
        if (sqsBatchSize < 1 || sqsBatchSize > 10) {
            throw new IllegalArgumentException("--sqs-batch-size must be 1 to 10 (an SQS receive returns at most 10): " + sqsBatchSize);
        }
    }

    int containers() {
        return hosts * containersPerHost;
    }

    /**
     * Reads {@code --name value} pairs. Maven's exec plugin passes {@code bench.args} as one argument,
     * so arguments holding spaces are split first.
     */
    static CostOptions parse(String[] args) {
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        int hosts = 50;
        int containersPerHost = 20;
        Duration interval = Duration.ofSeconds(10);
        int minutes = 10;
        int warmupMinutes = 10;
        int memory = 512;
        int batchSize = 10;
        Path rules = Path.of("infra/rules/containers.rules.yml");
        Duration federate = Duration.ofSeconds(15);
        for (int i = 0; i < words.size(); i += 2) {
            String name = words.get(i);
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException(name + " needs a value; " + USAGE);
            }
            String value = words.get(i + 1);
            switch (name) {
                case "--hosts" -> hosts = integer(name, value);
                case "--containers-per-host" -> containersPerHost = integer(name, value);
                case "--interval" -> interval = duration(name, value);
                case "--minutes" -> minutes = integer(name, value);
                case "--warmup-minutes" -> warmupMinutes = integer(name, value);
                case "--lambda-memory-mb" -> memory = integer(name, value);
                case "--sqs-batch-size" -> batchSize = integer(name, value);
                case "--rules" -> rules = Path.of(value);
                case "--federate-interval" -> federate = duration(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        return new CostOptions(hosts, containersPerHost, interval, minutes, warmupMinutes, memory, batchSize, rules, federate);
    }

    /** {@code 10s}, {@code 1m}, {@code 500ms}: the units Prometheus durations use that make sense here. */
    static Duration duration(String option, String value) {
        try {
            if (value.endsWith("ms")) {
                return positive(option, Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
            } else if (value.endsWith("s")) {
                return positive(option, Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1))));
            } else if (value.endsWith("m")) {
                return positive(option, Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1))));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a duration such as 10s, 1m or 500ms, not '" + value + "'");
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    private static Duration positive(String option, Duration value) {
        positive(option, value.toMillis());
        return value;
    }

    private static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive: " + value);
        }
    }
}
