package io.quayside.functions.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The gateway's URL layout, in one place so that links and routes agree. */
public final class GatewayPaths {
    private GatewayPaths() {
    }

    public static String containerMetrics(String tenant, String containerId) {
        return "/v1/" + tenant + "/containers/" + URLEncoder.encode(containerId, StandardCharsets.UTF_8) + "/metrics";
    }
}
