package io.quayside.functions.gateway;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A {@link GatewayAnswer} as Quarkus REST sends it: the Content-Type string and body bytes untouched. */
final class JaxRsAnswers {
    private JaxRsAnswers() {
    }

    static Response response(GatewayAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body())
                .header(HttpHeaders.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
