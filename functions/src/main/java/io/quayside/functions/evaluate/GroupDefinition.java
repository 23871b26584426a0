package io.quayside.functions.evaluate;

import io.quayside.functions.rules.AlertingRule;
import io.quayside.functions.rules.Rule;
import io.quayside.functions.rules.RuleGroup;

import java.util.Map;

/** Whether two versions of a rule group say the same thing, so a reload can keep the running group and its alerts. */
final class GroupDefinition {
    private GroupDefinition() {
    }

    static boolean same(RuleGroup a, RuleGroup b) {
        return withoutTemplates(a).equals(withoutTemplates(b));
    }

    /** Parsed templates have no equality; they follow from the label and annotation texts, which are compared. */
    private static RuleGroup withoutTemplates(RuleGroup group) {
        return new RuleGroup(group.file(), group.name(), group.intervalMs(), group.limit(), group.queryOffsetMs(),
                group.rules().stream().map(GroupDefinition::withoutTemplates).toList());
    }

    private static Rule withoutTemplates(Rule rule) {
        return rule instanceof AlertingRule a ? new AlertingRule(a.name(), a.expr(), a.forMs(), a.keepFiringForMs(),
                a.labels(), a.annotations(), Map.of(), Map.of()) : rule;
    }
}
