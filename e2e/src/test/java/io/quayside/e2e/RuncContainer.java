package io.quayside.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One busybox container that wakes every second, run by runc under a private root; removed on close. */
final class RuncContainer implements AutoCloseable {
    final String id;
    private final Path root;

    private RuncContainer(String id, Path root) {
        this.id = id;
        this.root = root;
    }

    /** @param name the {@code io.quayside.name} annotation, the agent's {@code name} label */
    static RuncContainer start(Path work, String id, String name) throws Exception {
        Path bundle = Files.createDirectories(work.resolve("bundles").resolve(id));
        Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String tool : List.of("sh", "sleep")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("busybox"));
        }
        Host.run(List.of("runc", "spec", "--bundle", bundle.toString()), Map.of());
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(bundle.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        process.putArray("args").add("sh").add("-c").add("while :; do sleep 1; done");
        config.putObject("annotations").put("io.quayside.name", name).put("org.opencontainers.image.ref.name", "busybox:e2e");
        json.writeValue(bundle.resolve("config.json").toFile(), config);
        Path root = work.resolve("runc");
        // The detached container keeps runc's stdio: pipes to this JVM would stay open as long as it runs.
        Process run = new ProcessBuilder("runc", "--root", root.toString(), "run", "-d", "--bundle", bundle.toString(), id)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(run.waitFor(30, TimeUnit.SECONDS) && run.exitValue() == 0).as("runc run %s", id).isTrue();
        return new RuncContainer(id, root);
    }

    Path root() {
        return root;
    }

    @Override
    public void close() throws Exception {
        Host.run(List.of("runc", "--root", root.toString(), "delete", "-f", id), Map.of());
    }
}
