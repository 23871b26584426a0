package io.quayside.functions.tenancy;

import io.quayside.model.TenantName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Tenants and their hashed tokens, kept in {@code tenants.json} in the state directory. The
 * {@code tenants} command changes the file; a running gateway sees the change within
 * {@link #RECHECK} because it looks at the file's modification time, size and inode at most that
 * often, and re-reads it when any of them changed.
 */
public final class TenantRegistry implements TenantAdministration {
    public static final String FILE = "tenants.json";
    static final Duration RECHECK = Duration.ofSeconds(2);
    private static final Logger LOG = Logger.getLogger(TenantRegistry.class.getName());

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile SortedMap<String, Tenant> tenants;
    private volatile Optional<FileStamp> stamp;
    private volatile long nextCheckMillis;

    private TenantRegistry(Path stateDir, Clock clock) {
        this.file = stateDir.resolve(FILE);
        this.lockFile = stateDir.resolve("." + FILE + ".lock");
        this.clock = clock;
        this.stamp = FileStamp.of(file);
        this.tenants = TenantsFile.read(file);
        this.nextCheckMillis = clock.millis() + RECHECK.toMillis();
    }

    /** The registry in {@code stateDir}; an unreadable or invalid file is an error here, not later. */
    public static TenantRegistry open(Path stateDir, Clock clock) {
        return new TenantRegistry(stateDir, clock);
    }

    @Override
    public Optional<String> tenantOf(String token) {
        String candidate = TenantToken.sha256(token);
        String owner = null;
        // Every token is compared, so the time taken does not depend on which one matched.
        for (Tenant tenant : current().values()) {
            for (TenantToken known : tenant.tokens()) {
                if (known.matches(candidate)) {
                    owner = tenant.name();
                }
            }
        }
        return Optional.ofNullable(owner);
    }

    @Override
    public boolean exists(String tenant) {
        return current().containsKey(tenant);
    }

    @Override
    public RateLimit rateLimit(String tenant) {
        Tenant known = current().get(tenant);
        return known == null ? RateLimit.DEFAULT : known.effectiveRateLimit();
    }

    @Override
    public List<Tenant> tenants() {
        return List.copyOf(current().values());
    }

    @Override
    public IssuedToken issue(String tenant, Optional<RateLimit> limit, Optional<String> description) {
        String token = TenantToken.generate();
        TenantToken entry = TenantToken.of(token, clock.instant(), description);
        update(all -> {
            Tenant withToken = existingOrNew(all, tenant).withToken(entry);
            all.put(tenant, limit.map(withToken::withRateLimit).orElse(withToken));
            return all;
        });
        return new IssuedToken(entry.id(), token);
    }

    /** Accepts a token chosen elsewhere (given in the environment, say) for {@code tenant}; again is a no-op. */
    public void register(String tenant, String token, Optional<String> description) {
        TenantToken entry = TenantToken.of(token, clock.instant(), description);
        update(all -> {
            for (Tenant other : all.values()) {
                if (other.tokens().stream().anyMatch(known -> known.matches(entry.sha256()))) {
                    if (!other.name().equals(tenant)) {
                        throw new IllegalArgumentException("this token already belongs to tenant '" + other.name() + "'");
                    }
                    return all;
                }
            }
            all.put(tenant, existingOrNew(all, tenant).withToken(entry));
            return all;
        });
    }

    @Override
    public void revoke(String tenant, String tokenId) {
        update(all -> {
            Tenant known = require(all, tenant);
            if (known.tokens().stream().noneMatch(token -> token.id().equals(tokenId))) {
                throw new IllegalArgumentException("tenant '" + tenant + "' has no token '" + tokenId + "'");
            }
            all.put(tenant, known.withoutToken(tokenId));
            return all;
        });
    }

    @Override
    public void limit(String tenant, RateLimit limit) {
        update(all -> {
            all.put(tenant, require(all, tenant).withRateLimit(limit));
            return all;
        });
    }

    private static Tenant existingOrNew(SortedMap<String, Tenant> all, String tenant) {
        Tenant known = all.get(tenant);
        return known != null ? known : new Tenant(TenantName.check(tenant), Optional.empty(), List.of());
    }

    private static Tenant require(SortedMap<String, Tenant> all, String tenant) {
        Tenant known = all.get(tenant);
        if (known == null) {
            throw new IllegalArgumentException("no tenant '" + tenant + "'");
        }
        return known;
    }

    /**
     * Read, change, write under a file lock, so that two commands run at once (or a command and a
     * starting runtime) cannot lose each other's change.
     */
    private void update(UnaryOperator<SortedMap<String, Tenant>> change) {
        synchronized (lock) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    SortedMap<String, Tenant> changed = change.apply(TenantsFile.read(file));
                    TenantsFile.write(file, changed.values());
                    tenants = changed;
                    stamp = FileStamp.of(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    private SortedMap<String, Tenant> current() {
        long now = clock.millis();
        if (now >= nextCheckMillis) {
            synchronized (lock) {
                if (now >= nextCheckMillis) {
                    reloadIfChanged();
                    nextCheckMillis = now + RECHECK.toMillis();
                }
            }
        }
        return tenants;
    }

    private void reloadIfChanged() {
        try {
            Optional<FileStamp> seen = FileStamp.of(file);
            if (seen.equals(stamp)) {
                return;
            }
            stamp = seen;
            tenants = TenantsFile.read(file);
        } catch (RuntimeException e) {
            // Keep serving the tenants last read rather than locking everyone out.
            LOG.warning("keeping the tenants read before: " + e.getMessage());
        }
    }

    /** What changes when the file is replaced; the inode catches a rename within the clock's resolution. */
    private record FileStamp(FileTime modified, long size, Object inode) {
        static Optional<FileStamp> of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
