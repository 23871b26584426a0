package io.quayside.agent.runtimes.containerd;

import java.util.Map;
import java.util.Optional;

/** The OCI annotations containerd's CRI plug-in writes into every Kubernetes container's bundle. */
final class CriAnnotations {
    static final String CONTAINER_NAME = "io.kubernetes.cri.container-name";
    /** Set on a pod's sandbox ("pause") container, which has no container name. */
    static final String SANDBOX_NAME = "io.kubernetes.cri.sandbox-name";
    static final String IMAGE_NAME = "io.kubernetes.cri.image-name";

    private CriAnnotations() {
    }

    static Optional<String> containerName(Map<String, String> annotations) {
        return Optional.ofNullable(annotations.getOrDefault(CONTAINER_NAME, annotations.get(SANDBOX_NAME)));
    }
}
