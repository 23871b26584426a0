package io.quayside.functions.ingest;

import io.quarkus.funqy.Funq;
import io.quayside.model.SampleBatch;

/** The {@code ingest} function: a batch in, what became of it out. */
public class IngestFunction {
    private final Ingestor ingestor;

    public IngestFunction(Ingestor ingestor) {
        this.ingestor = ingestor;
    }

    @Funq
    public IngestResult ingest(SampleBatch batch) {
        return ingestor.ingest(batch);
    }
}
