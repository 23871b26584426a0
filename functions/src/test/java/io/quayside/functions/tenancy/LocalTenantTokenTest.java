package io.quayside.functions.tenancy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTenantTokenTest {
    @TempDir
    Path state;

    @Test
    void generatedOnFirstStartKeptPrivateAndReused() throws Exception {
        LocalTenantToken first = LocalTenantToken.load(Optional.empty(), state);
        Path file = state.resolve(LocalTenantToken.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.token()).startsWith("qs_").hasSizeGreaterThan(40);
        assertThat(LocalTenantToken.load(Optional.empty(), state).token()).isEqualTo(first.token());
        assertThat(first.tenantOf(first.token())).contains("local");
        assertThat(first.tenantOf(first.token() + "x")).isEmpty();
    }

    @Test
    void givenTokenWins() {
        LocalTenantToken.load(Optional.empty(), state);
        LocalTenantToken given = LocalTenantToken.load(Optional.of("s3cret"), state);
        assertThat(given.tenantOf("s3cret")).contains("local");
        assertThat(given.exists("local")).isTrue();
        assertThat(given.exists("other")).isFalse();
    }
}
