package io.quayside.functions.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleFileParserTest {
    @Test
    void readsGroupsAndRules() throws RuleFileException {
        List<RuleGroup> groups = RuleFileParser.parse(Path.of("src/test/resources/rules/containers.rules.yml"));

        assertThat(groups).extracting(RuleGroup::name).containsExactly("recording", "alerts");
        assertThat(groups.get(0).intervalMs()).isEqualTo(60_000);
        assertThat(groups.get(0).rules().get(0)).isInstanceOf(RecordingRule.class)
                .extracting(Rule::name).isEqualTo("service:container_memory_working_set_bytes:sum");
        AlertingRule cpu = (AlertingRule) groups.get(1).rules().get(0);
        assertThat(cpu.forMs()).isEqualTo(300_000);
        assertThat(cpu.labels()).containsEntry("severity", "warning");
        AlertingRule api = (AlertingRule) groups.get(1).rules().get(4);
        assertThat(api.keepFiringForMs()).isEqualTo(180_000);
    }

    @Test
    void placesEveryProblemAsPromtoolDoes() {
        RuleFileException e = catchThrowableOfType(
                () -> RuleFileParser.parse(Path.of("src/test/resources/rules/invalid.rules.yml")), RuleFileException.class);

        String file = Path.of("src/test/resources/rules/invalid.rules.yml").toString();
        assertThat(e.problems()).containsExactly(
                file + ": 6:15: group \"broken\", rule 1, \"1bad:name\": could not parse expression: 1:16: parse error: unclosed left parenthesis",
                file + ": 5:17: group \"broken\", rule 1, \"1bad:name\": invalid recording rule name: 1bad:name",
                file + ": 0:0: group \"broken\", rule 2, \"NoExpr\": field 'expr' must be set in rule",
                file + ": 8:17: 9:16: group \"broken\", rule 3, \"both\": only one of 'record' and 'alert' must be set",
                file + ": group \"broken\", rule 3, \"both\": invalid label name: bad-label",
                file + ": 13:5: groupname: \"broken\" is repeated in the same file");
    }

    @Test
    void rejectsRecordingRuleFieldsThatOnlyAlertsHave() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - record: a:b
                        expr: up
                        for: 5m
                        annotations: {x: y}
                      - expr: up
                      - alert: A
                        expr: foo bar
                        annotations: {"bad name": x}
                """;
        RuleFileException e = catchThrowableOfType(() -> RuleFileParser.parse("f.yml", yaml), RuleFileException.class);

        assertThat(e.problems()).containsExactly(
                "f.yml: 4:17: group \"g\", rule 1, \"a:b\": invalid field 'annotations' in recording rule",
                "f.yml: 4:17: group \"g\", rule 1, \"a:b\": invalid field 'for' in recording rule",
                "f.yml: 0:0: group \"g\", rule 2, \"\": one of 'record' or 'alert' must be set",
                "f.yml: 10:15: group \"g\", rule 3, \"A\": could not parse expression: 1:5: parse error: unexpected identifier \"bar\"",
                "f.yml: group \"g\", rule 3, \"A\": invalid annotation name: bad name");
    }

    @Test
    void rejectsUnknownFieldsAndWrongKindsBeforeCheckingRules() {
        String yaml = """
                groups:
                  - name: g
                    limit: many
                    rules:
                      - alert: A
                        expr: up
                        colour: red
                        labels: [a]
                      - record: 1bad
                """;
        RuleFileException e = catchThrowableOfType(() -> RuleFileParser.parse("f.yml", yaml), RuleFileException.class);

        assertThat(e.problems()).containsExactly("""
                f.yml: yaml: unmarshal errors:
                  line 3: cannot unmarshal !!str `many` into int
                  line 7: field colour not found in type rulefmt.RuleNode
                  line 8: cannot unmarshal !!seq into map[string]string""");
    }

    @Test
    void aBadDurationIsTheOnlyProblemReported() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: up
                        for: soon
                        colour: red
                """;
        RuleFileException e = catchThrowableOfType(() -> RuleFileParser.parse("f.yml", yaml), RuleFileException.class);

        assertThat(e.problems()).containsExactly("f.yml: not a valid duration string: \"soon\"");
    }

    @Test
    void reportsSyntaxErrorsWithGoYamlsWordsAndLine() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                    - alert: A
                      expr: up
                     for: 1m
                """;
        RuleFileException e = catchThrowableOfType(() -> RuleFileParser.parse("f.yml", yaml), RuleFileException.class);

        assertThat(e.problems()).containsExactly("f.yml: yaml: line 1: did not find expected key");
    }

    @Test
    void reportsTemplatesThatDoNotParse() {
        String yaml = """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: up == 0
                        annotations:
                          summary: '{{ $value | humanise }}'
                """;
        RuleFileException e = catchThrowableOfType(() -> RuleFileParser.parse("f.yml", yaml), RuleFileException.class);

        assertThat(e.problems()).containsExactly(
                "f.yml: group \"g\", rule 1, \"A\": annotation \"summary\": template: __alert_A:1: function \"humanise\" not defined");
    }

    @Test
    void appliesGroupLabelsAndQueryOffset() throws RuleFileException {
        String yaml = """
                groups:
                  - name: g
                    query_offset: 1m
                    limit: 10
                    labels: {team: core, tier: web}
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                        labels: {tier: db}
                """;
        RuleGroup group = RuleFileParser.parse("f.yml", yaml).get(0);

        assertThat(group.queryOffsetMs()).isEqualTo(60_000);
        assertThat(group.limit()).isEqualTo(10);
        assertThat(group.rules().get(0).labels()).containsEntry("team", "core").containsEntry("tier", "db");
    }
}
