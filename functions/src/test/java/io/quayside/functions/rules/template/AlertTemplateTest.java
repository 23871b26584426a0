package io.quayside.functions.rules.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTemplateTest {
    private static final TemplateData DATA = new TemplateData(
            Map.of("__name__", "up", "instance", "web-1:8080", "service", "checkout api"), 95.5,
            Map.of("cluster", "eu-1"), "http://prometheus:9090");

    private static String expand(String text) throws TemplateException {
        return AlertTemplate.parse("__alert_Test", text).expand(DATA);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
            "{{ $labels.instance }} => web-1:8080",
            "{{ .Labels.service }} => checkout api",
            "{{ $value }} => 95.5",
            "{{ .Value }} => 95.5",
            "{{ $externalLabels.cluster }}/{{ $externalURL }} => eu-1/http://prometheus:9090",
            "[{{ $labels.missing }}] => []",
            "{{ $value | printf \"%.2f\" }} => 95.50",
            "{{ printf \"%s=%d\" \"n\" 3 }} => n=3",
            "{{ humanize 1234567 }} => 1.235M",
            "{{ humanize 0.00012 }} => 120u",
            "{{ humanize 0 }} => 0",
            "{{ humanize1024 1073741824 }} => 1Gi",
            "{{ humanize1024 512 }} => 512",
            "{{ humanizePercentage 0.1234 }} => 12.34%",
            "{{ humanizeDuration 3700 }} => 1h 1m 40s",
            "{{ humanizeDuration 90061 }} => 1d 1h 1m 1s",
            "{{ humanizeDuration 0.25 }} => 250ms",
            "{{ humanizeDuration 12.5 }} => 12.5s",
            "{{ $labels.service | toUpper }} => CHECKOUT API",
            "{{ toLower \"ABC\" }} => abc",
            "{{ title $labels.service }} => Checkout Api",
            "{{ reReplaceAll \":[0-9]+$\" \"\" $labels.instance }} => web-1",
            "{{ reReplaceAll \"(.*):(.*)\" \"$2/${1}\" $labels.instance }} => 8080/web-1",
            "{{ if gt $value 90.0 }}high{{ else }}ok{{ end }} => high",
            "{{ if eq $labels.service \"db\" }}db{{ else if match \"^check\" $labels.service }}checkout{{ end }} => checkout",
            "a {{- \" b \" -}} c => a b c",
            "{{/* a comment */}}x => x",
            "{{ 1000000.0 }} {{ 100000.0 }} {{ 0.00001 }} => 1e+06 100000 1e-05",
    })
    void expandsLikePrometheus(String template, String expected) throws TemplateException {
        assertThat(expand(template)).isEqualTo(expected);
    }

    @Test
    void rejectsUnknownFunctionsWhenParsed() {
        assertThatThrownBy(() -> AlertTemplate.parse("__alert_X", "{{ nope $value }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template: __alert_X:1: function \"nope\" not defined");
    }

    @Test
    void rejectsAnUnclosedIf() {
        assertThatThrownBy(() -> AlertTemplate.parse("__alert_X", "{{ if $value }}x")).hasMessageContaining("unexpected EOF");
    }

    @Test
    void failsToExpandFieldsOfNonMaps() throws TemplateException {
        AlertTemplate template = AlertTemplate.parse("__alert_X", "{{ $value.x }}");
        assertThatThrownBy(() -> template.expand(DATA)).hasMessageContaining("can't evaluate field x in type float64");
    }
}
