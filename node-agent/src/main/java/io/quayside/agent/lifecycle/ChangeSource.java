package io.quayside.agent.lifecycle;

import java.io.IOException;

/** Something that notices containers coming and going sooner than the next periodic sweep. */
public interface ChangeSource extends AutoCloseable {
    /** Starts noticing; {@code changed} may be called from any thread, as often as the source likes. */
    void start(Runnable changed) throws IOException;

    @Override
    void close() throws IOException;
}
