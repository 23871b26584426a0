package io.quayside.functions.ingest;

import io.quarkus.funqy.Funq;
import io.quayside.functions.ingest.sqs.CountedIntake;
import io.quayside.functions.ingest.sqs.SqsBatchResponse;
import io.quayside.functions.ingest.sqs.SqsEvent;
import io.quayside.functions.runtime.FunctionCaller;

/**
 * The {@code ingest} function: an SQS event of encoded batches in (from the samples queue's event
 * source mapping, or POSTed as the same JSON), the messages to deliver again out.
 */
public class IngestFunction {
    private final CountedIntake intake;
    private final FunctionCaller caller;

    public IngestFunction(CountedIntake intake, FunctionCaller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @Funq
    public SqsBatchResponse ingest(SqsEvent event) {
        return intake.apply(event, caller::grants);
    }
}
