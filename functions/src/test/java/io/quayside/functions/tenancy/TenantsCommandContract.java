package io.quayside.functions.tenancy;

import io.quayside.functions.TestClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tenants} command as an operator runs it, against each store the runtime reads tenants
 * from: what it changes must show in the store as the gateway asks it ({@code tenantOf},
 * {@code rateLimit}).
 */
abstract class TenantsCommandContract {
    protected final TestClock clock = new TestClock();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The store, opened anew for every command, as every run of the jar opens it. */
    protected abstract TenantAdministration store();

    protected int run(String... args) {
        return run(this::store, args);
    }

    protected int run(Supplier<TenantAdministration> store, String... args) {
        out.reset();
        err.reset();
        return new TenantsCommand(store, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    protected String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    protected String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createPrintsTheTokenOnceAndListNeverShowsIt() {
        assertThat(run("create", "acme", "--rate", "5", "--burst", "10", "--description", "ci runner")).isZero();
        String token = out().strip();
        String id = TenantToken.sha256(token).substring(0, 8);
        assertThat(token).startsWith("qs_");
        assertThat(err()).contains(id, "shown only now");
        assertThat(store().tenantOf(token)).contains("acme");
        assertThat(store().rateLimit("acme")).isEqualTo(new RateLimit(5, 10));

        assertThat(run("create", "other")).isZero();
        assertThat(run("list")).isZero();
        assertThat(out()).contains("acme", "5/s, burst 10", id, "2026-11-21T10:00:00Z", "ci runner")
                .contains("other", "50/s, burst 100 (default)")
                .doesNotContain(token, TenantToken.sha256(token));
    }

    @Test
    void revokeStopsOneTokenAndLimitChangesTheRate() {
        run("create", "acme");
        String revoked = out().strip();
        String id = TenantToken.sha256(revoked).substring(0, 8);
        run("create", "acme");
        String kept = out().strip();
        assertThat(store().tenantOf(revoked)).contains("acme");

        assertThat(run("limit", "acme", "--rate", "0.5", "--burst", "2")).isZero();
        assertThat(store().rateLimit("acme")).isEqualTo(new RateLimit(0.5, 2));
        assertThat(run("revoke", "acme", id)).isZero();
        assertThat(store().tenantOf(revoked)).isEmpty();
        assertThat(store().tenantOf(kept)).as("the tenant's other token").contains("acme");
        run("list");
        assertThat(out()).contains("0.5/s, burst 2", TenantToken.sha256(kept).substring(0, 8)).doesNotContain(id);

        assertThat(run("revoke", "acme", TenantToken.sha256(kept).substring(0, 8))).isZero();
        assertThat(store().tenantOf(kept)).isEmpty();
        assertThat(store().exists("acme")).as("a tenant outlives its tokens").isTrue();
        run("list");
        assertThat(out()).contains("acme", "0.5/s, burst 2", "(no tokens)");
    }

    @Test
    void refusalsExitOneAndWrongCommandLinesTwo() {
        assertThat(run("revoke", "nobody", "12345678")).isEqualTo(1);
        assertThat(err()).contains("no tenant 'nobody'");
        run("create", "acme");
        assertThat(run("revoke", "acme", "12345678")).isEqualTo(1);
        assertThat(err()).contains("tenant 'acme' has no token '12345678'");
        assertThat(run("revoke", "acme", "")).as("no id is a prefix of every token").isEqualTo(1);
        assertThat(run("create", "Bad Name")).isEqualTo(1);
        assertThat(err()).contains("invalid tenant name");
        assertThat(run("limit", "nobody", "--rate", "1", "--burst", "1")).isEqualTo(1);
        assertThat(err()).contains("no tenant 'nobody'");

        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("usage: tenants create");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("limit", "acme", "--rate", "5")).isEqualTo(2);
        assertThat(err()).contains("both --rate and --burst");
        assertThat(run("create", "acme", "--rate", "fast", "--burst", "1")).isEqualTo(2);
        assertThat(run("list", "--all", "x")).isEqualTo(2);
        assertThat(run("limit", "acme", "--rate", "0", "--burst", "1")).isEqualTo(1);
        assertThat(store().rateLimit("acme")).as("refused changes change nothing").isEqualTo(RateLimit.DEFAULT);
    }
}
