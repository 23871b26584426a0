package io.quayside.agent.runtimes.cgroupfs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A glob over cgroup directories, relative to the hierarchy's root: {@code *} matches within one
 * directory name, {@code **}{@code /} any number of directories, and exactly one placeholder names
 * the container id: {@code <hex64>} (the 64 hex digits Docker and containerd use, so that pod and
 * QoS directories next to containers never match) or {@code <id>} (any name).
 */
public final class CgroupPattern {
    private static final Pattern TOKENS = Pattern.compile("\\*\\*/|\\*|<hex64>|<id>");

    private final String glob;
    private final Pattern regex;

    private CgroupPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static CgroupPattern compile(String glob) {
        String trimmed = glob.startsWith("/") ? glob.substring(1) : glob;
        StringBuilder regex = new StringBuilder();
        int placeholders = 0;
        int last = 0;
        Matcher token = TOKENS.matcher(trimmed);
        while (token.find()) {
            regex.append(Pattern.quote(trimmed.substring(last, token.start())));
            switch (token.group()) {
                case "**/" -> regex.append("(?:[^/]+/)*");
                case "*" -> regex.append("[^/]*");
                case "<hex64>" -> regex.append("([0-9a-f]{64})");
                default -> regex.append("([^/]+?)");
            }
            placeholders += token.group().startsWith("<") ? 1 : 0;
            last = token.end();
        }
        regex.append(Pattern.quote(trimmed.substring(last)));
        if (placeholders != 1) {
            throw new IllegalArgumentException("cgroup pattern " + glob + " needs exactly one <id> or <hex64>");
        }
        return new CgroupPattern(glob, Pattern.compile(regex.toString()));
    }

    /** The container id, when the directory (relative to the hierarchy's root, with {@code /}) matches. */
    public Optional<String> idOf(String relativePath) {
        Matcher matcher = regex.matcher(relativePath);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return glob;
    }
}
