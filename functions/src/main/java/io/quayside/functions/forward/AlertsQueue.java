package io.quayside.functions.forward;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quayside.functions.evaluate.AlertSink;
import io.quayside.functions.evaluate.TenantAlerts;
import io.quayside.model.Alert;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Evaluation's sink on AWS: each tenant's alerts of a round go to the alerts queue as one message,
 * {@link TenantAlerts} JSON, which the {@code forward} Lambda consumes. A send that fails is logged
 * and not thrown, so the other tenants' alerts still go; firing alerts go again at their next resend.
 */
public final class AlertsQueue implements AlertSink {
    /** The message attributes, named as the agent's publisher names its own. */
    static final String TENANT = "tenant";
    static final String CONTENT_TYPE = "content-type";

    private static final Logger LOG = Logger.getLogger(AlertsQueue.class.getName());

    private final SqsClient sqs;
    private final URI queueUrl;
    private final ObjectMapper json;

    public AlertsQueue(SqsClient sqs, URI queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void send(String tenant, List<Alert> alerts) {
        String body;
        try {
            body = json.writeValueAsString(new TenantAlerts(tenant, alerts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alerts could not be written as JSON", e);
        }
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl.toString()).messageBody(body).messageAttributes(Map.of(
                    TENANT, text(tenant), CONTENT_TYPE, text("application/json"))));
        } catch (SdkException e) {
            LOG.warning("cannot send " + alerts.size() + " alerts of tenant " + tenant + " to " + queueUrl
                    + " (they wait for their resend): " + e.getMessage());
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
