package io.quayside.functions.store.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quayside.functions.store.ContainerRegistry;
import io.quayside.functions.store.LatestSamples;
import io.quayside.functions.store.StoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class EmbeddedStoreContractTest extends StoreContract {
    @TempDir
    Path state;
    private EmbeddedStore store;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(new StateDirectory(state, new ObjectMapper().registerModule(new JavaTimeModule())), 60_000);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected ContainerRegistry registry() {
        return store;
    }

    @Override
    protected LatestSamples latest() {
        return store;
    }
}
