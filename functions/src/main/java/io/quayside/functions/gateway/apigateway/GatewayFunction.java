package io.quayside.functions.gateway.apigateway;

import io.quarkus.funqy.Funq;

/** The {@code gateway} function: an API Gateway HTTP API request in, the gateway's answer out, as over HTTP. */
public class GatewayFunction {
    private final ApiGatewayRoutes routes;

    public GatewayFunction(ApiGatewayRoutes routes) {
        this.routes = routes;
    }

    @Funq
    public ApiGatewayV2Response gateway(ApiGatewayV2Request event) {
        return ApiGatewayV2Response.of(routes.answer(event));
    }
}
