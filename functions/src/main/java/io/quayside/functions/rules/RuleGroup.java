package io.quayside.functions.rules;

import java.util.List;

/**
 * A named list of rules evaluated in order at one interval; later rules see what earlier ones recorded.
 *
 * @param intervalMs 0 when the file gives none, so the caller's default applies
 * @param limit         the most series (recording) or alerts (alerting) a rule may produce; 0 for no limit
 * @param queryOffsetMs how far back from the evaluation time the rules query, for data that arrives late
 */
public record RuleGroup(String file, String name, long intervalMs, int limit, long queryOffsetMs, List<Rule> rules) {
    public RuleGroup {
        rules = List.copyOf(rules);
    }
}
