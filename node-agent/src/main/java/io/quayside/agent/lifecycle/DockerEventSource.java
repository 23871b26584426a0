package io.quayside.agent.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.docker.DockerEventStream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The Docker Engine's event stream as a change source: its daemon owns no state directory to watch. */
public final class DockerEventSource implements ChangeSource {
    private final DockerEventStream stream;

    public DockerEventSource(Path socket, ObjectMapper json) {
        this.stream = new DockerEventStream(socket, json, Duration.ofSeconds(5));
    }

    @Override
    public void start(Runnable changed) {
        stream.start(change -> changed.run());
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
