package io.quayside.functions.evaluate;

import io.quarkus.funqy.Funq;

import java.time.Clock;

/** The {@code evaluate} function: a schedule event in, the number of rule groups evaluated out. */
public class EvaluateFunction {
    private final RuleEvaluation evaluation;
    private final Clock clock;

    public EvaluateFunction(RuleEvaluation evaluation, Clock clock) {
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Funq
    public int evaluate(ScheduleEvent event) {
        return evaluation.evaluateDue(event != null && event.time() != null ? event.time().toEpochMilli() : clock.millis());
    }
}
