package io.quayside.functions.lambda;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A Lambda of the bundle: the one function {@code QUARKUS_FUNQY_EXPORT} picks, as Terraform sets it. */
abstract class FunctionExport implements QuarkusTestProfile {
    abstract String function();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.funqy.export", function());
    }
}
