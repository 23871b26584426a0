package io.quayside.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The functions runtime's HTTP gateway on 127.0.0.1, called with one tenant's token. */
final class Gateway {
    final int port;
    final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    Gateway(int port, String token) {
        this.port = port;
        this.token = token;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The body of a GET with the tenant's token; {@code []} while the gateway is not answering 200. */
    String get(URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "[]";
        } catch (IOException notUpYet) {
            return "[]";
        }
    }

    JsonNode getJson(URI uri) throws Exception {
        return json.readTree(get(uri));
    }
}
