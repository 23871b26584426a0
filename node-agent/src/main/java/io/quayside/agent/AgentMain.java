package io.quayside.agent;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/** The agent serves no HTTP: it runs its scheduled sweeps until it is told to stop. */
@QuarkusMain
public class AgentMain implements QuarkusApplication {
    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
