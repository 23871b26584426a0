package io.quayside.functions.discover.sources.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quayside.functions.discover.sources.JsonFields;

import java.util.Map;

/**
 * The labels the ECS agent puts on a task's containers, rebuilt from the event, so that a container
 * known from EventBridge and one an agent sweeps on the instance carry the same labels.
 */
record EcsTaskLabels(String cluster, String taskArn, String family, String revision) {
    private static final String CLUSTER = "com.amazonaws.ecs.cluster";
    private static final String CONTAINER_NAME = "com.amazonaws.ecs.container-name";
    private static final String TASK_ARN = "com.amazonaws.ecs.task-arn";
    private static final String FAMILY = "com.amazonaws.ecs.task-definition-family";
    private static final String REVISION = "com.amazonaws.ecs.task-definition-version";

    /** Task definition ARNs end in {@code task-definition/<family>:<revision>}. */
    static EcsTaskLabels of(JsonNode payload) {
        String definition = EcsTaskStateDecoder.lastPart(JsonFields.text(payload, "/detail/taskDefinitionArn"));
        int colon = definition.lastIndexOf(':');
        return new EcsTaskLabels(EcsTaskStateDecoder.lastPart(JsonFields.text(payload, "/detail/clusterArn")),
                JsonFields.text(payload, "/detail/taskArn"),
                colon < 0 ? definition : definition.substring(0, colon), colon < 0 ? "" : definition.substring(colon + 1));
    }

    Map<String, String> forContainer(String containerName) {
        return Map.of(CLUSTER, cluster, TASK_ARN, taskArn, FAMILY, family, REVISION, revision, CONTAINER_NAME, containerName);
    }
}
