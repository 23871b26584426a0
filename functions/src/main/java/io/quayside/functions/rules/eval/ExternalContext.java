package io.quayside.functions.rules.eval;

import io.quayside.model.Labels;

/** What a Prometheus server adds around its rules: external labels and its own URL. */
public record ExternalContext(Labels externalLabels, String externalUrl) {
    public static final ExternalContext NONE = new ExternalContext(Labels.EMPTY, "");
}
