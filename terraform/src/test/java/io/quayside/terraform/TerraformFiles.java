package io.quayside.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Every .tf file under terraform/, parsed by {@code @cdktf/hcl2json} (terraform/test/hcl2json.mjs). */
final class TerraformFiles {
    static final Path TERRAFORM = Path.of(System.getProperty("quayside.repo.dir", "..")).toAbsolutePath().normalize().resolve("terraform");

    private TerraformFiles() {
    }

    /** File (relative to terraform/) to its JSON form; skips the calling test, saying why, without node or the parser. */
    static JsonNode parseAll() throws Exception {
        Path script = TERRAFORM.resolve("test/hcl2json.mjs");
        boolean parser = Files.isDirectory(TERRAFORM.resolve("test/node_modules/@cdktf/hcl2json"));
        if (!parser) {
            System.out.println("terraform: SKIPPED, run 'npm ci --prefix terraform/test' to install @cdktf/hcl2json");
        }
        Assumptions.assumeTrue(parser, "@cdktf/hcl2json is not installed (npm ci --prefix terraform/test)");
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        try (Stream<Path> files = Files.walk(TERRAFORM)) {
            files.filter(file -> file.toString().endsWith(".tf") && !file.toString().contains("node_modules"))
                    .map(file -> TERRAFORM.relativize(file).toString()).sorted().forEach(command::add);
        }
        Process node = new ProcessBuilder(command).directory(TERRAFORM.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] json = node.getInputStream().readAllBytes();
        if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
            throw new AssertionError("hcl2json failed on " + command);
        }
        return new ObjectMapper().readTree(json);
    }
}
