package io.quayside.agent.hook;

import io.quayside.agent.publish.PublishException;
import io.quayside.agent.publish.Publisher;
import io.quayside.agent.publish.http.HttpPublisher;
import io.quayside.model.ContainerEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hook <created|started|stopped|destroyed>}: run by the container runtime as an OCI hook,
 * with the container's state on stdin. Sends the event at once; when the endpoint cannot take it,
 * spools it for the agent and still succeeds, because a hook must never hold up a container.
 */
public final class HookCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final HookSettings settings;
    private final Publisher publisher;
    private final EventSpool spool;
    private final Clock clock;
    private final PrintStream err;

    HookCommand(HookSettings settings, Publisher publisher, EventSpool spool, Clock clock, PrintStream err) {
        this.settings = settings;
        this.publisher = publisher;
        this.spool = spool;
        this.clock = clock;
        this.err = err;
    }

    /** Wired from the environment, with plain Java only: a hook cannot wait for Quarkus to start. */
    public static HookCommand fromEnvironment(Map<String, String> env) {
        return wired(HookSettings.from(env), Clock.systemUTC(), System.err);
    }

    static HookCommand wired(HookSettings settings, Clock clock, PrintStream err) {
        return new HookCommand(settings, new HttpPublisher(settings.endpoint(), settings.token(), settings.timeout()),
                new EventSpool(settings.spoolDir(), clock), clock, err);
    }

    /** @param args the phase, after {@code hook} */
    public int run(String[] args, InputStream stdin) {
        ContainerEvent.Kind kind = args.length == 1 ? kindOf(args[0]) : null;
        if (kind == null) {
            err.println("usage: hook <created|started|stopped|destroyed>  (OCI state JSON on stdin)");
            return USAGE;
        }
        ContainerEvent event;
        try {
            event = OciHookEvent.from(EventJson.readOciState(stdin), kind, settings, clock.instant());
        } catch (IOException | RuntimeException e) {
            err.println("quayside hook: cannot read the OCI state on stdin: " + e.getMessage());
            return FAILED;
        }
        try {
            publisher.publish(event);
            return OK;
        } catch (PublishException e) {
            return spool(event, e);
        }
    }

    private int spool(ContainerEvent event, PublishException cause) {
        try {
            spool.add(event);
            err.println("quayside hook: spooled " + event.kind() + " event of " + event.containerId() + ": " + cause.getMessage());
            return OK;
        } catch (IOException e) {
            err.println("quayside hook: lost " + event.kind() + " event of " + event.containerId()
                    + ": not sent (" + cause.getMessage() + ") nor spooled (" + e + ")");
            return FAILED;
        }
    }

    private static ContainerEvent.Kind kindOf(String phase) {
        try {
            return ContainerEvent.Kind.valueOf(phase.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
