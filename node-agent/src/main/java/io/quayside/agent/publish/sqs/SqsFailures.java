package io.quayside.agent.publish.sqs;

import io.quayside.agent.publish.PublishException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.util.List;

/**
 * Tells a failure that may pass from one that will not. Only a refusal of the message itself (its
 * body or attributes) is final; anything about the destination (throttling, a 5xx, the network, but
 * also a queue that is missing or a permission not yet granted, as while a stack is being applied)
 * passes once the queue is back, so the batch is kept in the spool, whose bounds say how long.
 */
final class SqsFailures {
    /** SQS error codes (bare, or with the query protocol's {@code AWS.SimpleQueueService.} prefix) that judge the message. */
    private static final List<String> MESSAGE_REFUSALS = List.of("InvalidMessageContents", "MessageTooLong",
            "InvalidParameterValue", "InvalidAttributeName", "InvalidAttributeValue", "BatchRequestTooLong");

    private SqsFailures() {
    }

    static PublishException classify(SdkException failure, String what) {
        return new PublishException("cannot send " + what + " to SQS: " + failure.getMessage(), isRetryable(failure), failure);
    }

    private static boolean isRetryable(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return !refusesTheMessage(service);
        }
        return failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedByIo(failure);
    }

    private static boolean refusesTheMessage(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        return service.statusCode() == 413 || (code != null && MESSAGE_REFUSALS.stream().anyMatch(code::endsWith));
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
