package io.quayside.model.exposition;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Third-party test data beside the checkout, found through the build's {@code quayside.shared.dir}. */
final class SharedTestData {
    private SharedTestData() {
    }

    /** The folder under testdata/, or the test is skipped with the reason printed. */
    static Path folder(String name, String testName) {
        String shared = System.getProperty("quayside.shared.dir");
        Path folder = shared == null ? null : Path.of(shared, "testdata", name);
        if (folder == null || !Files.isDirectory(folder)) {
            String reason = "test data " + name + " not found (system property quayside.shared.dir=" + shared + ")";
            System.out.println("Skipping " + testName + ": " + reason);
            Assumptions.abort(reason);
        }
        return folder;
    }
}
