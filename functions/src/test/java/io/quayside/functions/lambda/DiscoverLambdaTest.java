package io.quayside.functions.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quayside.functions.store.Container;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.model.ContainerEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.time.Instant;

import static io.quayside.functions.lambda.LambdaInvocations.eventFile;
import static io.quayside.functions.lambda.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/** The {@code discover} Lambda fed the ECS task state changes of events/ecs as EventBridge delivers them. */
@QuarkusTest
@TestProfile(DiscoverLambdaTest.Export.class)
@Tag("lambda")
class DiscoverLambdaTest {
    private static final String WEB = "8c4b7f2e-31d6-4a9b-b5e0-6f2d1c3a9e47";
    private static final String LOG_ROUTER = "f0a93d61-5c2e-4e8b-9a17-2b6c4d8e0f35";

    public static class Export extends FunctionExport {
        @Override
        String function() {
            return "discover";
        }
    }

    @Inject
    ContainerRegistry registry;

    @Test
    void aRunningTaskRegistersItsContainersAndItsStopDeregistersThem() {
        invoke(eventFile("ecs/task-running.json")).statusCode(200)
                .body("applied.event.containerId", contains(WEB, LOG_ROUTER))
                .body("applied.result", contains("added", "added"));
        assertThat(registry.find("local", WEB)).get().satisfies(container -> {
            assertThat(container.state()).isEqualTo(ContainerEvent.Kind.STARTED);
            assertThat(container.name()).isEqualTo("web");
            assertThat(container.runtime()).isEqualTo("ecs");
        });
        assertThat(registry.list("local")).extracting(Container::id).contains(WEB, LOG_ROUTER);

        invoke(eventFile("ecs/task-stopped.json")).statusCode(200).body("applied.result", contains("removed", "removed"));
        assertThat(registry.list("local")).extracting(Container::id).doesNotContain(WEB, LOG_ROUTER);
        assertThat(registry.tombstone("local", WEB, Instant.now())).isPresent();
    }

    @Test
    void theEventsQueueDeliversOneEventPerMessageAndOnlyThePoisonIsDeliveredAgain() {
        invoke(eventFile("sqs/lifecycle.json")).statusCode(200)
                .body("batchItemFailures.itemIdentifier", contains("c18e5f73-2a9d-4b0c-b6e4-91d7f3a25c08"))
                .body("applied.result", contains("added", "added", "removed"));
        assertThat(registry.find("local", "8e1c4a7f2d90")).get().satisfies(container -> assertThat(container.name()).isEqualTo("cache"));
        assertThat(registry.find("local", "5b3e8d2a9c71")).isEmpty();
        assertThat(registry.tombstone("local", "5b3e8d2a9c71", Instant.parse("2026-11-21T06:40:03Z"))).isPresent();
    }
}
