package io.quayside.functions.gateway;

import io.quayside.model.exposition.ExpositionFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class ExpositionNegotiationTest {
    @ParameterizedTest
    @NullAndEmptySource
    void noPreferenceIsPrometheusText(String accept) {
        assertThat(ExpositionNegotiation.choose(accept)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ScrapeRoutesTest.PROMETHEUS_ACCEPT + "| OPENMETRICS",
            "application/openmetrics-text                                                         | OPENMETRICS",
            "application/openmetrics-text; version=\"1.0.0\"; charset=utf-8                       | OPENMETRICS",
            "text/plain;q=0.3, application/openmetrics-text;version=1.0.0;q=0.7                   | OPENMETRICS",
            "text/plain;version=0.0.4                                                             | PROMETHEUS_TEXT",
            "*/*                                                                                  | PROMETHEUS_TEXT",
            "application/openmetrics-text;version=1.0.0;q=0.2,text/plain;version=0.0.4;q=0.9      | PROMETHEUS_TEXT",
            "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4                  | PROMETHEUS_TEXT",
            "application/openmetrics-text;version=0.0.1                                           | PROMETHEUS_TEXT",
            "application/openmetrics-text;version=1.0.0;q=0,*/*;q=0.1                             | PROMETHEUS_TEXT",
            "application/openmetrics-text;q=oops,text/*;q=0.1                                     | PROMETHEUS_TEXT",
            "application/json                                                                     | PROMETHEUS_TEXT",
    })
    void theMostPreferredFormatWinsAndTiesGoToPrometheusText(String accept, ExpositionFormat expected) {
        assertThat(ExpositionNegotiation.choose(accept)).isEqualTo(expected);
    }
}
