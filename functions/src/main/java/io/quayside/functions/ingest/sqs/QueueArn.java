package io.quayside.functions.ingest.sqs;

import java.net.URI;

/** A queue's ARN, as Lambda names it in {@code eventSourceARN}, read from the queue URL ({@code <endpoint>/<account>/<name>}). */
final class QueueArn {
    private QueueArn() {
    }

    static String of(URI queueUrl, String region) {
        String[] segments = segments(queueUrl);
        return "arn:aws:sqs:" + region + ":" + segments[0] + ":" + segments[1];
    }

    /** The account and the name. */
    static String[] segments(URI queueUrl) {
        String path = queueUrl.getPath() == null ? "" : queueUrl.getPath().replaceAll("^/+|/+$", "");
        String[] segments = path.split("/");
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            throw new IllegalArgumentException("not an SQS queue URL (<endpoint>/<account>/<name>): " + queueUrl);
        }
        return segments;
    }
}
