package io.quayside.functions.runtime;

import io.quarkus.scheduler.Scheduled;
import io.quayside.functions.evaluate.RuleEvaluation;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Embedded mode's stand-in for the EventBridge schedule: asks every tick which rule groups are due. */
@ApplicationScoped
public class RuleTicker {
    private final RuleEvaluation evaluation;
    private final Clock clock;

    public RuleTicker(RuleEvaluation evaluation, Clock clock) {
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Scheduled(every = "${quayside.rules.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        evaluation.evaluateDue(clock.millis());
    }
}
