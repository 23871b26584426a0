package io.quayside.agent.cgroups;

import io.quayside.agent.sweep.SampleCollector;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container's cgroup settings (CPU quota, period, shares or weight, memory limit) change only
 * when someone updates the container, yet were a quarter of the files a sweep read: each is read
 * again only when its last reading is older than the time to live, so an update shows within it.
 * Only what was read is remembered: a file that failed is tried (and counted) again every sweep,
 * and garbage is counted every sweep as if it had just been read.
 */
public final class CgroupSettings {
    private final ExpiringValues<String> contents;

    public CgroupSettings(ExpiringValues<String> contents) {
        this.contents = contents;
    }

    /** A one-line settings file's content, trimmed; empty (and counted) when it cannot be read. */
    public Optional<String> readString(String file, SampleCollector out) {
        String remembered = contents.get(file);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<String> content = out.readString(file);
        content.ifPresentOrElse(value -> contents.put(file, value), () -> contents.remove(file));
        return content;
    }

    /** A settings file holding one integer; empty (and counted) when it cannot be read or parsed. */
    public OptionalLong readLong(String file, SampleCollector out) {
        Optional<String> content = readString(file, out);
        return content.isPresent() ? out.parseLong(content.get()) : OptionalLong.empty();
    }
}
