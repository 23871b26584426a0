package io.quayside.functions.tenancy;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantsCommandTest {
    @TempDir
    Path state;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new TenantsCommand(state, new TestClock(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createPrintsTheTokenOnceAndListNeverShowsIt() {
        assertThat(run("create", "acme", "--rate", "5", "--burst", "10", "--description", "ci runner")).isZero();
        String token = out().strip();
        String id = TenantToken.sha256(token).substring(0, 8);
        assertThat(token).startsWith("qs_");
        assertThat(err()).contains(id, "shown only now");
        assertThat(TenantRegistry.open(state, new TestClock()).tenantOf(token)).contains("acme");

        assertThat(run("create", "other")).isZero();
        assertThat(run("list")).isZero();
        assertThat(out()).contains("acme", "5/s, burst 10", id, "2026-11-21T10:00:00Z", "ci runner")
                .contains("other", "50/s, burst 100 (default)")
                .doesNotContain(token, TenantToken.sha256(token));
    }

    @Test
    void revokeAndLimit() {
        run("create", "acme");
        String id = TenantToken.sha256(out().strip()).substring(0, 8);

        assertThat(run("limit", "acme", "--rate", "0.5", "--burst", "2")).isZero();
        assertThat(run("revoke", "acme", id)).isZero();
        run("list");
        assertThat(out()).contains("0.5/s, burst 2", "(no tokens)").doesNotContain(id);
    }

    @Test
    void refusalsExitOneAndWrongCommandLinesTwo() {
        assertThat(run("revoke", "nobody", "12345678")).isEqualTo(1);
        assertThat(err()).contains("no tenant 'nobody'");
        assertThat(run("create", "Bad Name")).isEqualTo(1);
        assertThat(err()).contains("invalid tenant name");

        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("usage: tenants create");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("limit", "acme", "--rate", "5")).isEqualTo(2);
        assertThat(err()).contains("both --rate and --burst");
        assertThat(run("create", "acme", "--rate", "fast", "--burst", "1")).isEqualTo(2);
        assertThat(run("list", "--all", "x")).isEqualTo(2);
        assertThat(run("limit", "acme", "--rate", "0", "--burst", "1")).isEqualTo(1);
    }

    @Test
    void stateDirectoryFromTheEnvironmentLikeTheRuntime() {
        assertThat(TenantsCommand.stateDir(Map.of("QUAYSIDE_STATE_DIR", "/srv/quayside"))).isEqualTo(Path.of("/srv/quayside"));
        assertThat(TenantsCommand.stateDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".quayside"));
    }
}
