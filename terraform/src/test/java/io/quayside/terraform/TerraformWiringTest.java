package io.quayside.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS modules against the code: functions, queues, dead letters and least privilege. */
class TerraformWiringTest {
    private static final Path FUNCTIONS_SOURCE = TerraformFiles.TERRAFORM.resolveSibling("functions/src/main/java");
    private static final Pattern FUNQ = Pattern.compile("@Funq\\s+(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*public\\s+[\\w<>?,\\s]+?\\s(\\w+)\\s*\\(");

    /** What each function reads and writes in the code: the grants its role must have, and no more. */
    private static final Map<String, Usage> USES = Map.of(
            "ingest", new Usage(Set.of("samples"), Set.of(), Set.of("latest"), Set.of("registry", "latest", "windows")),
            "discover", new Usage(Set.of("events"), Set.of(), Set.of("registry"), Set.of("registry", "latest")),
            "evaluate", new Usage(Set.of(), Set.of("alerts"), Set.of("registry", "windows"), Set.of("windows")),
            "forward", new Usage(Set.of("alerts"), Set.of(), Set.of(), Set.of()),
            // Scrapes, discovery and queries read; intake over HTTP (POST /v1/ingest, /v1/events) writes as ingest and discover do.
            "gateway", new Usage(Set.of(), Set.of(), Set.of("registry", "latest", "windows", "tenants"), Set.of("registry", "latest", "windows")));

    record Usage(Set<String> consumes, Set<String> sends, Set<String> reads, Set<String> writes) {
    }

    private static JsonNode files;

    @BeforeAll
    static void parse() throws Exception {
        files = TerraformFiles.parseAll();
    }

    private static JsonNode file(String path) {
        JsonNode file = files.path(path);
        assertThat(file.isMissingNode()).as("%s parsed", path).isFalse();
        return file;
    }

    private static JsonNode functionsLocal() {
        return file("modules/functions/main.tf").path("locals").path(0).path("functions");
    }

    @Test
    void everyExportedFunctionHasALambdaAndEveryLambdaAnExport() throws Exception {
        Set<String> lambdas = new TreeSet<>();
        functionsLocal().fieldNames().forEachRemaining(lambdas::add);

        assertThat(lambdas).isEqualTo(exportsInCode());
        JsonNode lambda = file("modules/functions/main.tf").path("resource").path("aws_lambda_function").path("function").path(0);
        assertThat(lambda.path("for_each").asText()).isEqualTo("${local.functions}");
        assertThat(lambda.path("environment").path(0).path("variables").asText()).contains("QUARKUS_FUNQY_EXPORT = each.key");
    }

    @Test
    void eachRoleGrantsOnlyTheQueuesAndTablesItsFunctionUses() {
        Map<String, Usage> granted = new TreeMap<>();
        functionsLocal().fields().forEachRemaining(fn -> granted.put(fn.getKey(), new Usage(
                strings(fn.getValue().path("consumes")), strings(fn.getValue().path("sends")),
                strings(fn.getValue().path("reads")), strings(fn.getValue().path("writes")))));
        assertThat(granted).isEqualTo(new TreeMap<>(USES));

        // The statements draw their resources from those lists alone: no wildcard, no other ARN.
        JsonNode policy = file("modules/functions/main.tf").path("data").path("aws_iam_policy_document").path("function").path(0);
        assertThat(policy.path("for_each").asText()).isEqualTo("${local.functions}");
        Map<String, String> resourcesBySid = new TreeMap<>();
        for (JsonNode statement : policy.path("dynamic").path("statement")) {
            JsonNode content = statement.path("content").path(0);
            resourcesBySid.put(content.path("sid").asText(), content.path("resources").asText());
        }
        assertThat(resourcesBySid).isEqualTo(Map.of(
                "ConsumeQueues", "${[for queue in each.value.consumes : var.queue_arns[queue]]}",
                "SendQueues", "${[for queue in each.value.sends : var.queue_arns[queue]]}",
                "ReadTables", "${[for table in each.value.reads : var.table_arns[table]]}",
                "WriteTables", "${[for table in each.value.writes : var.table_arns[table]]}"));
        assertThat(policy.path("statement").path(0).path("resources").toString())
                .contains("aws_cloudwatch_log_group.function[each.key].arn").doesNotContain("\"*\"");
        assertThat(file("modules/functions/main.tf").path("resource").path("aws_iam_role").path("function").path(0)
                .path("for_each").asText()).as("one role per function").isEqualTo("${local.functions}");
    }

    @Test
    void everyQueueHasADeadLetterQueueAndEveryUsedQueueExists() {
        JsonNode queues = file("modules/queues/main.tf").path("resource").path("aws_sqs_queue");
        assertThat(queues.path("queue").path(0).path("redrive_policy").asText())
                .contains("deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn");
        assertThat(queues.path("dlq").path(0).path("for_each").asText()).isEqualTo(queues.path("queue").path(0).path("for_each").asText());
        Set<String> fieldNames = new TreeSet<>();
        queues.fieldNames().forEachRemaining(fieldNames::add);
        assertThat(fieldNames).as("no queue outside the redriven set").containsExactly("dlq", "queue");

        Set<String> declared = strings(file("modules/queues/variables.tf").path("variable").path("queues").path(0).path("default"));
        USES.values().forEach(usage -> {
            assertThat(declared).containsAll(usage.consumes());
            assertThat(declared).containsAll(usage.sends());
        });
    }

    @Test
    void functionsGetTheUrlsOfTheQueuesTheySendToUnderTheNamesTheCodeReads() throws Exception {
        String environment = file("modules/functions/main.tf").path("resource").path("aws_lambda_function").path("function").path(0)
                .path("environment").path(0).path("variables").asText();
        assertThat(environment).contains("for queue in each.value.sends : \"QUAYSIDE_${upper(queue)}_QUEUE_URL\" => var.queue_urls[queue]");
        String properties = Files.readString(FUNCTIONS_SOURCE.resolveSibling("resources/application.properties"));
        USES.values().forEach(usage -> usage.sends().forEach(queue -> assertThat(properties).as("the setting %s sends to", queue)
                .contains("${QUAYSIDE_" + queue.toUpperCase(Locale.ROOT) + "_QUEUE_URL:}")));
        assertThat(file("examples/complete/main.tf").path("module").path("functions").path(0).path("queue_urls").asText())
                .isEqualTo("${module.queues.urls}");
    }

    @Test
    void queueConsumersReportPartialBatchFailures() {
        JsonNode mapping = file("modules/functions/main.tf").path("resource").path("aws_lambda_event_source_mapping").path("queue").path(0);
        assertThat(strings(mapping.path("function_response_types"))).containsExactly("ReportBatchItemFailures");
    }

    @Test
    void gatewayModuleHandsEveryRequestToTheGatewayFunctionAsPayloadFormat2() {
        JsonNode resources = file("modules/gateway/main.tf").path("resource");
        JsonNode integration = resources.path("aws_apigatewayv2_integration").path("gateway").path(0);
        assertThat(integration.path("integration_type").asText()).isEqualTo("AWS_PROXY");
        assertThat(integration.path("payload_format_version").asText()).isEqualTo("2.0");
        assertThat(integration.path("integration_uri").asText()).isEqualTo("${var.function_invoke_arn}");

        JsonNode routes = resources.path("aws_apigatewayv2_route");
        assertThat(routes.size()).as("one route: the function routes by itself").isEqualTo(1);
        JsonNode route = routes.path("default").path(0);
        assertThat(route.path("route_key").asText()).isEqualTo("$default");
        assertThat(route.path("target").asText()).isEqualTo("integrations/${aws_apigatewayv2_integration.gateway.id}");

        JsonNode stage = resources.path("aws_apigatewayv2_stage").path("default").path(0);
        assertThat(stage.path("name").asText()).as("no stage name in the paths").isEqualTo("$default");
        assertThat(stage.path("access_log_settings").path(0).path("destination_arn").asText())
                .isEqualTo("${aws_cloudwatch_log_group.access.arn}");
        assertThat(stage.path("access_log_settings").path(0).path("format").asText()).doesNotContainIgnoringCase("authorization");
        assertThat(stage.path("default_route_settings").path(0).path("throttling_rate_limit").asText())
                .isEqualTo("${var.throttling_rate_limit}");

        JsonNode permission = resources.path("aws_lambda_permission").path("gateway").path(0);
        assertThat(permission.path("principal").asText()).isEqualTo("apigateway.amazonaws.com");
        assertThat(permission.path("function_name").asText()).isEqualTo("${var.function_name}");
        assertThat(permission.path("source_arn").asText()).startsWith("${aws_apigatewayv2_api.gateway.execution_arn}/");

        // The example points the module at the Lambda that exports gateway, whose export the code has.
        JsonNode module = file("examples/complete/main.tf").path("module").path("gateway").path(0);
        assertThat(module.path("source").asText()).isEqualTo("../../modules/gateway");
        assertThat(module.path("function_name").asText()).isEqualTo("${module.functions.function_names[\"gateway\"]}");
        assertThat(module.path("function_invoke_arn").asText()).isEqualTo("${module.functions.invoke_arns[\"gateway\"]}");
        assertThat(file("modules/functions/outputs.tf").path("output").path("invoke_arns").path(0).path("value").asText())
                .contains("fn.invoke_arn");
        assertThat(functionsLocal().has("gateway")).isTrue();
    }

    @Test
    void gatewayNumbersAreCheckedAgainstTheirValidRange() {
        JsonNode variables = file("modules/gateway/variables.tf").path("variable");
        variables.fields().forEachRemaining(variable -> {
            JsonNode declaration = variable.getValue().path(0);
            if (declaration.path("type").asText().equals("${number}")) {
                assertThat(declaration.path("validation").path(0).path("condition").asText()).as(variable.getKey())
                        .contains("var." + variable.getKey());
            }
        });
    }

    @Test
    void everyModuleHasItsFilesAndAReadme() throws Exception {
        try (Stream<Path> dirs = Stream.concat(Files.list(TerraformFiles.TERRAFORM.resolve("modules")),
                Stream.of(TerraformFiles.TERRAFORM.resolve("examples/complete")))) {
            for (Path dir : dirs.toList()) {
                for (String name : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
                    assertThat(dir.resolve(name)).as("%s/%s", dir.getFileName(), name).isRegularFile();
                }
            }
        }
    }

    /** The names of the {@code @Funq} methods in the functions module's sources. */
    private static Set<String> exportsInCode() throws Exception {
        Set<String> exports = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(FUNCTIONS_SOURCE)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher funq = FUNQ.matcher(Files.readString(source));
                while (funq.find()) {
                    exports.add(funq.group(1));
                }
            }
        }
        assertThat(exports).as("@Funq methods found in %s", FUNCTIONS_SOURCE).isNotEmpty();
        return exports;
    }

    private static Set<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return new TreeSet<>(values);
    }
}
