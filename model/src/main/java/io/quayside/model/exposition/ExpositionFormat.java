package io.quayside.model.exposition;

import java.util.Locale;

/** The two text formats an application may answer a scrape with, told apart by content type. */
public enum ExpositionFormat {
    /** Prometheus text 0.0.4, read leniently the way Prometheus scrapes it. */
    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8"),
    /** OpenMetrics 1.0 text, every rule of the specification enforced. */
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format of a scrape response: OpenMetrics only when announced, as Prometheus decides. */
    public static ExpositionFormat ofContentType(String contentType) {
        boolean openMetrics = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/openmetrics-text");
        return openMetrics ? OPENMETRICS : PROMETHEUS_TEXT;
    }
}
