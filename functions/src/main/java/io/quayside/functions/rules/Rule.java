package io.quayside.functions.rules;

import java.util.Map;

/** One rule of a group: a recording rule or an alerting rule, as written in the file. */
public sealed interface Rule permits RecordingRule, AlertingRule {
    /** The record name or the alert name. */
    String name();

    String expr();

    /** Labels added to (or, when empty, removed from) every output; alerting rules may template them. */
    Map<String, String> labels();
}
