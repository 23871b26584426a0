package io.quayside.agent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringTokenizer;

/** The counters of {@code /proc/<pid>/net/dev}: one entry per interface of that process's network namespace. */
public final class NetDev {
    /** The 16 counters after the interface name: 8 receive, then 8 transmit. */
    public record Interface(String name, long[] counters) {
        public long receiveBytes() {
            return counters[0];
        }

        public long receivePackets() {
            return counters[1];
        }

        public long receiveErrors() {
            return counters[2];
        }

        public long receiveDropped() {
            return counters[3];
        }

        public long transmitBytes() {
            return counters[8];
        }

        public long transmitPackets() {
            return counters[9];
        }

        public long transmitErrors() {
            return counters[10];
        }

        public long transmitDropped() {
            return counters[11];
        }
    }

    private static final int HEADER_LINES = 2;
    private static final int COUNTERS = 16;

    private NetDev() {
    }

    /** Empty when any line is malformed: like cAdvisor, a file that does not parse is not trusted at all. */
    public static Optional<List<Interface>> parse(List<String> lines) {
        List<Interface> interfaces = new ArrayList<>();
        for (String line : lines.subList(Math.min(HEADER_LINES, lines.size()), lines.size())) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            StringTokenizer fields = new StringTokenizer(line.substring(colon + 1));
            if (fields.countTokens() != COUNTERS) {
                return Optional.empty();
            }
            long[] counters = new long[COUNTERS];
            try {
                for (int i = 0; i < COUNTERS; i++) {
                    counters[i] = Long.parseLong(fields.nextToken());
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            interfaces.add(new Interface(line.substring(0, colon).trim(), counters));
        }
        return Optional.of(interfaces);
    }
}
