package io.quayside.functions.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quayside.model.TenantName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code tenants.json}: tenants, their limits and token hashes, read and written as Jackson trees
 * (no reflection, so native images need no configuration). Written to a temporary file that is
 * renamed over the old one, so a reader never sees half a file, readable by its owner only.
 */
final class TenantsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TenantsFile() {
    }

    /** The tenants by name; none when the file does not exist yet. */
    static SortedMap<String, Tenant> read(Path file) {
        SortedMap<String, Tenant> tenants = new TreeMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return tenants;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.required("tenants").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                tenants.put(entry.getKey(), tenant(TenantName.check(entry.getKey()), entry.getValue()));
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("invalid " + file + ": " + e.getMessage(), e);
        }
        return tenants;
    }

    private static Tenant tenant(String name, JsonNode node) {
        JsonNode limit = node.path("rateLimit");
        Optional<RateLimit> rateLimit = limit.isMissingNode()
                ? Optional.empty()
                : Optional.of(new RateLimit(limit.required("perSecond").asDouble(), limit.required("burst").asInt()));
        List<TenantToken> tokens = new ArrayList<>();
        for (JsonNode token : node.path("tokens")) {
            tokens.add(new TenantToken(token.required("id").asText(), token.required("sha256").asText(),
                    Instant.parse(token.required("created").asText()), Optional.ofNullable(token.path("description").textValue())));
        }
        return new Tenant(name, rateLimit, tokens);
    }

    static void write(Path file, Iterable<Tenant> tenants) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ObjectNode byName = root.putObject("tenants");
        for (Tenant tenant : tenants) {
            ObjectNode node = byName.putObject(tenant.name());
            tenant.rateLimit().ifPresent(limit -> node.putObject("rateLimit").put("perSecond", limit.perSecond()).put("burst", limit.burst()));
            ArrayNode tokens = node.putArray("tokens");
            for (TenantToken token : tenant.tokens()) {
                ObjectNode entry = tokens.addObject().put("id", token.id()).put("sha256", token.sha256())
                        .put("created", token.created().toString());
                token.description().ifPresent(text -> entry.put("description", text));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".tenants", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
