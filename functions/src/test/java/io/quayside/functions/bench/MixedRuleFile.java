package io.quayside.functions.bench;

/**
 * A rule file over a {@link ContainerFleet}: one rule per metric, in groups of {@code groupSize}, the
 * kinds taking turns: a threshold alert, a {@code rate} alert, an {@code avg_over_time} alert, a
 * {@code sum by (service)} of rates recorded, and a recorded {@code topk}.
 */
final class MixedRuleFile {
    private MixedRuleFile() {
    }

    static String yaml(int rules, int groupSize, String interval) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (int i = 0; i < rules; i++) {
            if (i % groupSize == 0) {
                yaml.append("  - name: containers-").append(i / groupSize).append('\n')
                        .append("    interval: ").append(interval).append('\n')
                        .append("    rules:\n");
            }
            yaml.append(rule(i));
        }
        return yaml.toString();
    }

    private static String rule(int metric) {
        String name = ContainerFleet.metricName(metric);
        return switch (metric % 5) {
            case 0 -> alert("High" + metric, name + " > 0.9", "5m");
            case 1 -> alert("FastGrowth" + metric, "rate(" + name + "[5m]) > 1", "0s");
            case 2 -> alert("HighAverage" + metric, "avg_over_time(" + name + "[5m]) > 0.8", "0s");
            case 3 -> record("service:" + name.replace("_total", "") + ":rate1m", "sum by (service) (rate(" + name + "[1m]))");
            default -> record("top5:" + name, "topk(5, " + name + ")");
        };
    }

    private static String alert(String alert, String expr, String forDuration) {
        return "      - alert: " + alert + "\n"
                + "        expr: " + expr + "\n"
                + "        for: " + forDuration + "\n"
                + "        labels: {severity: warning}\n"
                + "        annotations: {summary: '{{ $labels.name }} on {{ $labels.node }} at {{ $value }}'}\n";
    }

    private static String record(String record, String expr) {
        return "      - record: " + record + "\n"
                + "        expr: " + expr + "\n";
    }
}
