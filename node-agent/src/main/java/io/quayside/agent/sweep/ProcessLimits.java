package io.quayside.agent.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The process's own resource limits, from {@code /proc/self/limits}. */
public final class ProcessLimits {
    private static final String OPEN_FILES = "Max open files";

    private ProcessLimits() {
    }

    /**
     * The soft limit on open files (the JVM raises it to the hard limit at start); unlimited when the
     * file cannot be read or does not say, so that the configured budget alone applies.
     */
    public static long openFiles(Path limits) {
        try {
            return openFiles(Files.readAllLines(limits));
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    static long openFiles(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith(OPEN_FILES)) {
                String soft = line.substring(OPEN_FILES.length()).strip().split("\\s+")[0];
                try {
                    return Long.parseLong(soft);
                } catch (NumberFormatException unlimited) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return Long.MAX_VALUE;
    }
}
