package io.quayside.functions.lambda;

import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;

/**
 * Invokes the function under test as Lambda does: the event goes to Quarkus' mock Lambda event
 * server, the app's Lambda runtime loop fetches it, and the function's response comes back.
 */
final class LambdaInvocations {
    /** Where the mock event server listens (host:port), as the test run's Lambda runtime API. */
    private static final String RUNTIME_API = "quarkus-internal.aws-lambda.test-api";

    private LambdaInvocations() {
    }

    static ValidatableResponse invoke(String event) {
        String api = ConfigProvider.getConfig().getValue(RUNTIME_API, String.class);
        return given().baseUri("http://" + api).contentType("application/json").body(event).post("/_lambda_").then();
    }

    /** A payload under {@code events/}. */
    static String eventFile(String relative) {
        try {
            return Files.readString(Path.of(System.getProperty("quayside.repo.dir"), "events", relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
