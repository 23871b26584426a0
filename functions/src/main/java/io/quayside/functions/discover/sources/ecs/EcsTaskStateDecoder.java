package io.quayside.functions.discover.sources.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.EventDecoder;
import io.quayside.functions.discover.sources.JsonFields;
import io.quayside.functions.discover.sources.LifecycleEventException;
import io.quayside.functions.discover.sources.TenantMapping;
import io.quayside.model.ContainerEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Amazon ECS "Task State Change" as EventBridge delivers it: one event per task, one container
 * event per container in it. The tenant is the AWS account's.
 */
public final class EcsTaskStateDecoder implements EventDecoder {
    private static final String DETAIL_TYPE = "ECS Task State Change";

    @Override
    public String source() {
        return DETAIL_TYPE;
    }

    @Override
    public boolean accepts(JsonNode payload) {
        return DETAIL_TYPE.equals(payload.path("detail-type").asText());
    }

    @Override
    public List<ContainerEvent> decode(JsonNode payload, TenantMapping tenants) {
        String tenant = tenants.forAccount(JsonFields.text(payload, "/account"));
        // updatedAt has milliseconds; the envelope's time only seconds, too coarse to order PENDING and RUNNING.
        Instant time = JsonFields.instant(payload, payload.at("/detail/updatedAt").isMissingNode() ? "/time" : "/detail/updatedAt");
        boolean taskStopped = "STOPPED".equals(JsonFields.text(payload, "/detail/lastStatus"));
        String node = JsonFields.optionalText(payload, "/detail/containerInstanceArn").map(EcsTaskStateDecoder::lastPart).orElse(null);
        EcsTaskLabels task = EcsTaskLabels.of(payload);
        JsonNode containers = payload.at("/detail/containers");
        if (containers.isEmpty()) {
            throw new LifecycleEventException("detail/containers is required and must not be empty");
        }
        List<ContainerEvent> events = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            String at = "/detail/containers/" + i;
            String name = JsonFields.text(payload, at + "/name");
            // The container ARN, unlike runtimeId, is there from PENDING on, so every event of the container has the same id.
            String id = lastPart(JsonFields.text(payload, at + "/containerArn"));
            events.add(new ContainerEvent(tenant, node, id, name, JsonFields.optionalText(payload, at + "/image").orElse(null),
                    task.forContainer(name), "ecs", kind(JsonFields.text(payload, at + "/lastStatus"), taskStopped), time));
        }
        return events;
    }

    /** A stopped task never runs again, so its stopped containers are gone; in a running task one may stop alone. */
    private static ContainerEvent.Kind kind(String lastStatus, boolean taskStopped) {
        return switch (lastStatus) {
            case "PENDING" -> ContainerEvent.Kind.CREATED;
            case "RUNNING" -> ContainerEvent.Kind.STARTED;
            case "STOPPED" -> taskStopped ? ContainerEvent.Kind.DESTROYED : ContainerEvent.Kind.STOPPED;
            default -> throw new LifecycleEventException("unknown container lastStatus '" + lastStatus + "'");
        };
    }

    static String lastPart(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
