/**
 * A PromQL engine that gives Prometheus 3's answers, in plain Java (no reflection, native-image friendly).
 *
 * <p>{@link io.quayside.functions.promql.PromqlEngine} parses a query ({@code parser}, into the {@code ast}
 * records), then evaluates it ({@code eval}, with the functions in {@code functions}) against a
 * {@link io.quayside.functions.promql.SeriesSource}. A range query evaluates the expression once per step,
 * as Prometheus does; subqueries do the same within their window.
 *
 * <p>Semantics follow Prometheus 3: range windows and the 5 minute lookback are left-open,
 * {@code (t - range, t]}; a stale marker ends a series; numerics (Kahan sums, quantiles, rate
 * extrapolation) use Prometheus' algorithms so floats match. Native histograms are not supported.
 * Prometheus' own test scripts run against this package in {@code PromqlScriptTest}.
 */
package io.quayside.functions.promql;
