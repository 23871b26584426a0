package io.quayside.functions.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quayside.model.ContainerLabels;
import io.quayside.model.Labels;
import io.quayside.model.MetricFamily;
import io.quayside.model.MetricType;
import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.SampleBatchCodec;
import io.quayside.model.exposition.ExpositionFormat;
import io.quayside.model.exposition.ExpositionParser;
import io.quayside.model.exposition.ScrapedFamily;
import io.quayside.model.exposition.ScrapedSample;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Negotiated exposition, discovery for Prometheus and Zabbix, and federation, over the test tenant {@code local}. */
@QuarkusTest
class ScrapeRoutesTest {
    /** What Prometheus 2.x and 3.x send when scraping. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final MetricFamily CPU = new MetricFamily("container_cpu_usage_seconds_total", MetricType.COUNTER, "Cpu time.");
    private static final MetricFamily MEMORY = new MetricFamily("container_memory_usage_bytes", MetricType.GAUGE, "Memory.");

    private final String web = "web-" + UUID.randomUUID();
    private final String db = "db-" + UUID.randomUUID();
    private final long now = System.currentTimeMillis();

    static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer test-token");
    }

    static void start(String containerId, String name, String labelsJson) {
        event(containerId, name, labelsJson, "started");
    }

    private static void event(String containerId, String name, String labelsJson, String kind) {
        authorized().contentType("application/json").body("""
                {"tenant":"local","node":"node-1","containerId":"%s","name":"%s","image":"busybox:1.36",
                 "labels":%s,"runtime":"runc","kind":"%s","time":"%s"}""".formatted(containerId, name, labelsJson, kind, Instant.now()))
                .post("/v1/events").then().statusCode(200);
    }

    static void ingest(String containerId, long timestampMs, double cpu, double memory) {
        Labels series = Labels.of(ContainerLabels.ID, containerId);
        SampleBatch batch = new SampleBatch(UUID.randomUUID().toString(), "local", "node-1", "test", timestampMs, List.of(CPU, MEMORY),
                List.of(new Sample(series.with(Labels.METRIC_NAME, CPU.name()), cpu, timestampMs),
                        new Sample(series.with(Labels.METRIC_NAME, MEMORY.name()), memory, timestampMs)));
        authorized().contentType(SampleBatchCodec.MEDIA_TYPE).body(new SampleBatchCodec().encode(batch)).post("/v1/ingest")
                .then().statusCode(200);
    }

    private void startBoth() {
        start(web, "web", "{\"io.quayside.service\":\"shop\",\"com.example/team\":\"core\"}");
        start(db, "db", "{}");
        ingest(web, now, 1.5, 4096);
        ingest(db, now, 2.5, 8192);
    }

    @Test
    void metricsAreOpenMetricsWhenPrometheusPrefersIt() {
        startBoth();
        for (String path : List.of("/v1/local/containers/" + web + "/metrics", "/v1/local/metrics")) {
            Response response = authorized().header("Accept", PROMETHEUS_ACCEPT).get(path);
            response.then().statusCode(200).contentType(equalTo(ExpositionFormat.OPENMETRICS.contentType()));
            List<ScrapedFamily> families = new ExpositionParser(ExpositionFormat.OPENMETRICS).parse(response.asString());
            assertThat(families).filteredOn(family -> family.name().equals("container_cpu_usage_seconds"))
                    .singleElement().satisfies(family -> assertThat(family.samples()).extracting(ScrapedSample::labels)
                            .contains(Labels.of(Labels.METRIC_NAME, CPU.name(), ContainerLabels.ID, web)));
        }
    }

    @Test
    void metricsStayPrometheusTextByDefaultAndByQValue() {
        startBoth();
        String path = "/v1/local/containers/" + web + "/metrics";
        authorized().get(path).then().statusCode(200).contentType(allOf(startsWith("text/plain"), containsString("version=0.0.4")))
                .body(containsString("container_memory_usage_bytes{id=\"%s\"} 4096 %d\n".formatted(web, now)))
                .body(not(containsString("# EOF")));
        authorized().header("Accept", "application/openmetrics-text;version=1.0.0;q=0.2,text/plain;version=0.0.4;q=0.9")
                .get("/v1/local/metrics").then().statusCode(200).contentType(startsWith("text/plain"));
        authorized().header("Accept", "application/openmetrics-text;version=1.0.0").get(path).then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text")).body(containsString("# EOF\n"));
    }

    @Test
    void serviceDiscoveryCarriesMetaLabelsForRelabeling() {
        startBoth();
        String group = "find { it.labels.container_id == '%s' }.labels.".formatted(web);
        authorized().get("/v1/local/sd").then().statusCode(200)
                .body(group + "__metrics_path__", equalTo("/v1/local/containers/" + web + "/metrics"))
                .body(group + "name", equalTo("web"))
                .body(group + "__meta_quayside_name", equalTo("web"))
                .body(group + "__meta_quayside_image", equalTo("busybox:1.36"))
                .body(group + "__meta_quayside_service", equalTo("shop"))
                .body(group + "__meta_quayside_node", equalTo("node-1"))
                .body(group + "__meta_quayside_dns_name", equalTo("web.shop.local.svc.quayside"))
                .body(group + "__meta_quayside_runtime", equalTo("runc"))
                .body(group + "__meta_quayside_state", equalTo("started"))
                .body(group + "__meta_quayside_stale", equalTo("false"))
                .body(group + "__meta_quayside_label_com_example_team", equalTo("core"))
                .body(group + "__meta_quayside_label_io_quayside_service", equalTo("shop"));
    }

    @Test
    void zabbixDiscoveryListsLiveContainersAsMacros() {
        startBoth();
        authorized().get("/v1/local/lld").then().statusCode(200).contentType(startsWith("application/json"))
                .body("data.'{#CONTAINER}'", hasItem(db))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#NAME}'".formatted(web), equalTo("web"))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#SERVICE}'".formatted(web), equalTo("shop"))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#IMAGE}'".formatted(web), equalTo("busybox:1.36"))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#NODE}'".formatted(web), equalTo("node-1"))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#DNSNAME}'".formatted(web), equalTo("web.shop.local.svc.quayside"))
                .body("data.find { it.'{#CONTAINER}' == '%s' }.'{#SERVICE}'".formatted(db), equalTo("db"));
        event(db, "db", "{}", "destroyed");
        authorized().get("/v1/local/lld").then().body("data.'{#CONTAINER}'", not(hasItem(db)));
    }

    @Test
    void federationReturnsTheSeriesAnySelectorMatches() {
        startBoth();
        String both = "{id=~\"%s|%s\"}".formatted(web, db);
        authorized().queryParam("match[]", "container_memory_usage_bytes" + both).get("/v1/local/federate")
                .then().statusCode(200).contentType(startsWith("text/plain"))
                .body(containsString("# TYPE container_memory_usage_bytes gauge\n"))
                .body(containsString("container_memory_usage_bytes{id=\"%s\"} 4096 %d\n".formatted(web, now)))
                .body(containsString("container_memory_usage_bytes{id=\"%s\"} 8192 %d\n".formatted(db, now)))
                .body(not(containsString("container_cpu_usage_seconds_total")));
        authorized().queryParam("match[]", "{__name__=~\"container_cpu.+\",id=\"%s\"}".formatted(web))
                .queryParam("match[]", "{__name__=\"container_memory_usage_bytes\",id=\"%s\"}".formatted(db))
                .get("/v1/local/federate").then().statusCode(200)
                .body(containsString("container_cpu_usage_seconds_total{id=\"%s\"} 1.5".formatted(web)))
                .body(containsString("container_memory_usage_bytes{id=\"%s\"} 8192".formatted(db)))
                .body(not(containsString("container_memory_usage_bytes{id=\"%s\"}".formatted(web))))
                .body(not(containsString("container_cpu_usage_seconds_total{id=\"%s\"}".formatted(db))));
        authorized().header("Accept", PROMETHEUS_ACCEPT).queryParam("match[]", both).get("/v1/local/federate").then()
                .statusCode(200).contentType(startsWith("application/openmetrics-text")).body(containsString("# EOF\n"));
    }

    @Test
    void federationRefusesMissingOrBadSelectors() {
        authorized().get("/v1/local/federate").then().statusCode(400).body(containsString("match[] parameter is required"));
        authorized().queryParam("match[]", "{}").get("/v1/local/federate").then().statusCode(400)
                .body(containsString("vector selector must contain at least one non-empty matcher"));
        authorized().queryParam("match[]", "up{job=").get("/v1/local/federate").then().statusCode(400)
                .body(containsString("parse error"));
        authorized().queryParam("match[]", "rate(up[5m])").get("/v1/local/federate").then().statusCode(400)
                .body(containsString("expected a series selector"));
    }

    @Test
    void newRoutesNeedTheTenantsToken() {
        for (String path : List.of("/v1/local/lld", "/v1/local/federate?match[]=up", "/v1/local/metrics")) {
            given().get(path).then().statusCode(401);
            given().header("Accept", PROMETHEUS_ACCEPT).get(path).then().statusCode(401).body(containsString("missing bearer token"));
            authorized().get(path.replace("/local/", "/nobody/")).then().statusCode(404);
        }
    }
}
