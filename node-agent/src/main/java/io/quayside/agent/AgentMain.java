package io.quayside.agent;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quayside.agent.hook.HookCommand;

import java.util.Arrays;

/**
 * Two commands in one binary. {@code hook <phase>} runs as an OCI hook in plain Java, without
 * starting Quarkus, since the container waits for it. Anything else starts the agent, which serves
 * no HTTP: it runs its scheduled sweeps until it is told to stop.
 */
@QuarkusMain
public class AgentMain implements QuarkusApplication {
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("hook")) {
            System.exit(HookCommand.fromEnvironment(System.getenv()).run(Arrays.copyOfRange(args, 1, args.length), System.in));
        }
        Quarkus.run(AgentMain.class, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
