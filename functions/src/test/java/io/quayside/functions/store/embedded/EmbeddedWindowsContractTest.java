package io.quayside.functions.store.embedded;

import io.quayside.functions.store.SeriesWindows;
import io.quayside.functions.store.SeriesWindowsContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class EmbeddedWindowsContractTest extends SeriesWindowsContract {
    @TempDir
    Path state;
    private final List<EmbeddedWindows> opened = new ArrayList<>();

    @Override
    protected SeriesWindows open(Duration retention) {
        EmbeddedWindows windows = new EmbeddedWindows(state, new WindowLimits(retention.toMillis(), 1000, 1000), clock);
        opened.add(windows);
        return windows;
    }

    @AfterEach
    void close() {
        opened.forEach(EmbeddedWindows::close);
    }
}
