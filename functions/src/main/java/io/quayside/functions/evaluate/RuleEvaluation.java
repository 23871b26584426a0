package io.quayside.functions.evaluate;

import io.quayside.functions.rules.RuleGroup;
import io.quayside.functions.rules.eval.ActiveAlert;
import io.quayside.functions.rules.eval.AlertNotifications;
import io.quayside.functions.rules.eval.ExternalContext;
import io.quayside.functions.rules.eval.GroupEvaluator;
import io.quayside.functions.store.SeriesWindows;
import io.quayside.model.Alert;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The {@code evaluate} function's work: every tenant's rule groups that are due are evaluated over
 * the tenant's windows (outputs written back to them), and the alerts due for sending go to the sink.
 * Built on a {@link RuleDirectory}, it picks up changed rule files as it is ticked.
 */
public final class RuleEvaluation {
    private static final Logger LOG = Logger.getLogger(RuleEvaluation.class.getName());
    /** How often the rule files' modification times are checked, at most. */
    public static final long RELOAD_CHECK_MS = 5_000;

    private final SeriesWindows windows;
    private final AlertSink sink;
    private final ExternalContext context;
    private final long defaultInterval;
    private final AlertNotifications notifications;
    private final RuleDirectory directory;
    private final Clock clock;
    private long checkedMs;
    /** tenant → rule file → groups; replaced whole on reload, so readers such as the alerts API see one version. */
    private volatile Map<String, Map<String, List<ScheduledGroup>>> byTenant = Map.of();

    /**
     * Rules that are never reloaded (no directory, no clock).
     *
     * @param groupsByTenant   each tenant's rule groups
     * @param defaultInterval  for groups whose file gives no interval (Prometheus' global default is 1m)
     */
    public RuleEvaluation(Map<String, List<RuleGroup>> groupsByTenant, SeriesWindows windows, AlertSink sink,
                          ExternalContext context, long defaultInterval) {
        this(null, null, windows, sink, context, defaultInterval);
        Map<String, Map<String, List<ScheduledGroup>>> scheduled = new TreeMap<>();
        groupsByTenant.forEach((tenant, groups) -> groups.forEach(group -> scheduled.computeIfAbsent(tenant, t -> new TreeMap<>())
                .computeIfAbsent(group.file(), f -> new ArrayList<>()).add(schedule(tenant, group))));
        byTenant = scheduled;
    }

    /**
     * Rules read from the directory now, then re-read when their files change, checked when
     * {@link #evaluateDue} runs at most every {@link #RELOAD_CHECK_MS} of the clock.
     */
    public RuleEvaluation(RuleDirectory directory, Clock clock, SeriesWindows windows, AlertSink sink,
                          ExternalContext context, long defaultInterval) {
        this.directory = directory;
        this.clock = clock;
        this.windows = windows;
        this.sink = sink;
        this.context = context;
        this.defaultInterval = defaultInterval;
        this.notifications = new AlertNotifications(context, AlertNotifications.DEFAULT_RESEND_DELAY_MS);
        if (directory != null) {
            reload();
        }
    }

    /** Evaluates what is due at {@code nowMs}; returns how many groups ran. */
    public int evaluateDue(long nowMs) {
        if (directory != null && clock.millis() - checkedMs >= RELOAD_CHECK_MS) {
            reload();
        }
        int ran = 0;
        for (Map.Entry<String, Map<String, List<ScheduledGroup>>> tenant : byTenant.entrySet()) {
            List<Alert> alerts = new ArrayList<>();
            for (List<ScheduledGroup> fileGroups : tenant.getValue().values()) {
                for (ScheduledGroup scheduled : fileGroups) {
                    long at = scheduled.dueAt(nowMs);
                    if (at >= 0) {
                        alerts.addAll(evaluate(tenant.getKey(), scheduled, at));
                        ran++;
                    }
                }
            }
            if (!alerts.isEmpty()) {
                sink.send(tenant.getKey(), alerts);
            }
        }
        return ran;
    }

    /** The tenant's pending and firing alerts (and resolved ones still kept for resending). */
    public List<ActiveAlert> activeAlerts(String tenant) {
        List<ActiveAlert> out = new ArrayList<>();
        byTenant.getOrDefault(tenant, Map.of()).values().forEach(groups -> groups.forEach(
                scheduled -> scheduled.evaluator().alertingRules().forEach(state -> out.addAll(state.alerts()))));
        return out;
    }

    /** The problems of each rule file whose latest version was refused (its previous rules still run). */
    public Map<Path, List<String>> ruleFileProblems() {
        return directory == null ? Map.of() : directory.problems();
    }

    private List<Alert> evaluate(String tenant, ScheduledGroup scheduled, long at) {
        for (GroupEvaluator.RuleFailure failure : scheduled.evaluator().evaluate(at)) {
            LOG.warning("tenant " + tenant + ", group " + scheduled.group().name() + ", rule "
                    + failure.rule().name() + ": " + failure.message());
        }
        scheduled.flush();
        return notifications.due(scheduled.evaluator(), at, scheduled.intervalMs());
    }

    /** Applies the directory's changes file by file; groups whose definition did not change keep their state. */
    private void reload() {
        checkedMs = clock.millis();
        List<RuleDirectory.Change> changes = directory.refresh();
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Map<String, List<ScheduledGroup>>> next = new TreeMap<>();
        byTenant.forEach((tenant, files) -> next.put(tenant, new TreeMap<>(files)));
        for (RuleDirectory.Change change : changes) {
            Map<String, List<ScheduledGroup>> files = next.computeIfAbsent(change.tenant(), t -> new TreeMap<>());
            List<ScheduledGroup> previous = files.getOrDefault(change.file(), List.of());
            List<ScheduledGroup> groups = change.groups().stream().map(group -> previous.stream()
                    .filter(old -> GroupDefinition.same(old.group(), group)).findFirst()
                    .orElseGet(() -> schedule(change.tenant(), group))).toList();
            if (groups.isEmpty()) {
                files.remove(change.file());
            } else {
                files.put(change.file(), groups);
            }
            LOG.info("rule file " + change.file() + " of tenant " + change.tenant() + ": " + groups.size() + " groups in force");
        }
        next.values().removeIf(Map::isEmpty);
        byTenant = next;
    }

    private ScheduledGroup schedule(String tenant, RuleGroup group) {
        WindowRuleOutputs outputs = new WindowRuleOutputs(windows, tenant);
        long interval = group.intervalMs() > 0 ? group.intervalMs() : defaultInterval;
        return new ScheduledGroup(new GroupEvaluator(group, outputs, context), outputs, interval);
    }
}
