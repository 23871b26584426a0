package io.quayside.agent.publish.sqs;

import io.quayside.agent.publish.PublishException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;

/** Tells a failure that may pass (throttling, a 5xx, the network) from one that will not (a missing queue, a refused body, no permission). */
final class SqsFailures {
    private SqsFailures() {
    }

    static PublishException classify(SdkException failure, String what) {
        return new PublishException("cannot send " + what + " to SQS: " + failure.getMessage(), isRetryable(failure), failure);
    }

    private static boolean isRetryable(SdkException failure) {
        if (failure instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() == 429 || service.statusCode() >= 500;
        }
        return failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || causedByIo(failure);
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
