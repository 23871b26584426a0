package io.quayside.agent.runtimes.containerd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.agent.runtimes.ContainerRuntime;
import io.quayside.agent.runtimes.HostContainer;
import io.quayside.agent.runtimes.ProcessCgroups;
import io.quayside.agent.runtimes.runc.RuncRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Finds containerd's containers: its runc shim keeps one runc root per namespace
 * ({@code <shimRoot>/<namespace>/<id>/state.json}), and the bundle's OCI {@code config.json}
 * ({@code <taskRoot>/<namespace>/<id>/config.json}) carries the annotations CRI writes.
 */
public final class ContainerdRuntime implements ContainerRuntime {
    public static final String NAMESPACE_LABEL = "io.containerd.namespace";
    public static final Path DEFAULT_SHIM_ROOT = Path.of("/run/containerd/runc");
    public static final Path DEFAULT_TASK_ROOT = Path.of("/run/containerd/io.containerd.runtime.v2.task");
    private static final Logger LOG = Logger.getLogger(ContainerdRuntime.class.getName());

    private final Path shimRoot;
    private final Path taskRoot;
    private final ObjectMapper json;
    private final ProcessCgroups cgroups;

    public ContainerdRuntime(Path shimRoot, Path taskRoot, ObjectMapper json, ProcessCgroups cgroups) {
        this.shimRoot = shimRoot;
        this.taskRoot = taskRoot;
        this.json = json;
        this.cgroups = cgroups;
    }

    @Override
    public String name() {
        return "containerd";
    }

    @Override
    public List<HostContainer> containers() {
        List<HostContainer> found = new ArrayList<>();
        for (Path namespaceDir : namespaces()) {
            String namespace = namespaceDir.getFileName().toString();
            // The shim's state is runc's own, so runc's reader finds pid, cgroups and creation time.
            for (HostContainer runc : new RuncRuntime(namespaceDir, json).containers()) {
                found.add(describe(namespace, runc));
            }
        }
        return found;
    }

    private List<Path> namespaces() {
        if (!Files.isDirectory(shimRoot)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(shimRoot)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            LOG.warning("cannot list containerd shim state " + shimRoot + ": " + e.getMessage());
            return List.of();
        }
    }

    private HostContainer describe(String namespace, HostContainer runc) {
        Map<String, String> labels = new HashMap<>(runc.labels());
        labels.putAll(annotations(taskRoot.resolve(namespace).resolve(runc.id()).resolve("config.json")));
        labels.put(NAMESPACE_LABEL, namespace);
        String name = CriAnnotations.containerName(labels).orElse(runc.name());
        String image = labels.getOrDefault(CriAnnotations.IMAGE_NAME, runc.image());
        Map<String, String> cgroupPaths = runc.cgroupPaths().isEmpty() ? cgroups.of(runc.initPid()) : runc.cgroupPaths();
        return new HostContainer(runc.id(), name, image, labels, name(), runc.initPid(), cgroupPaths, runc.createdAt());
    }

    private Map<String, String> annotations(Path configJson) {
        Map<String, String> annotations = new HashMap<>();
        try {
            JsonNode config = json.readTree(Files.readAllBytes(configJson));
            config.path("annotations").fields().forEachRemaining(entry -> annotations.put(entry.getKey(), entry.getValue().asText()));
        } catch (NoSuchFileException gone) {
            // The task was deleted after its state was read: the next sweep drops it.
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot read bundle annotations " + configJson + ": " + e.getMessage());
        }
        return annotations;
    }
}
