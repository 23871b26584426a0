package io.quayside.functions.gateway;

import io.quayside.functions.promql.LabelMatcher;
import io.quayside.functions.promql.PromqlException;
import io.quayside.functions.promql.ast.Expr;
import io.quayside.functions.promql.ast.TimeModifiers;
import io.quayside.functions.promql.ast.VectorSelector;
import io.quayside.functions.promql.parser.Parser;
import io.quayside.model.Sample;

import java.util.List;

/**
 * The {@code match[]} selectors of a federation request: a series is federated when any selector
 * matches it. Selectors are read by the PromQL parser, so they accept and refuse what Prometheus'
 * {@code /federate} does ({@code {}} alone has no non-empty matcher and is refused).
 */
public record FederationMatch(List<List<LabelMatcher>> selectors) {
    public FederationMatch {
        selectors = List.copyOf(selectors);
    }

    /** @throws GatewayException 400 when no selector is given or one is not a plain series selector */
    public static FederationMatch parse(List<String> matchParameters) {
        if (matchParameters == null || matchParameters.isEmpty()) {
            throw new GatewayException(400, "match[] parameter is required");
        }
        return new FederationMatch(matchParameters.stream().map(FederationMatch::selector).toList());
    }

    private static List<LabelMatcher> selector(String text) {
        Expr expr;
        try {
            expr = Parser.parse(text);
        } catch (PromqlException | IllegalArgumentException e) {
            throw new GatewayException(400, "invalid match[] \"" + text + "\": " + e.getMessage());
        }
        if (!(expr instanceof VectorSelector selector) || !selector.modifiers().equals(TimeModifiers.NONE)) {
            throw new GatewayException(400, "invalid match[] \"" + text
                    + "\": expected a series selector such as up{job=\"node\"}, without range, offset or @");
        }
        return selector.matchers();
    }

    public List<Sample> filter(List<Sample> samples) {
        return samples.stream().filter(sample -> selectors.stream()
                .anyMatch(matchers -> LabelMatcher.matchAll(matchers, sample.labels()))).toList();
    }
}
