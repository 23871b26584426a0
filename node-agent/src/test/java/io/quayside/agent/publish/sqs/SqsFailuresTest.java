package io.quayside.agent.publish.sqs;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.SqsException;

import static org.assertj.core.api.Assertions.assertThat;

class SqsFailuresTest {
    private static SqsException failure(int status, String code) {
        return (SqsException) SqsException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void aRefusedMessageIsFinalAndEverythingAboutTheQueueIsKeptForLater() {
        assertThat(SqsFailures.classify(failure(400, "InvalidMessageContents"), "batch b").retryable()).isFalse();
        assertThat(SqsFailures.classify(failure(400, "AWS.SimpleQueueService.InvalidMessageContents"), "batch b").retryable()).isFalse();
        assertThat(SqsFailures.classify(failure(413, "RequestEntityTooLarge"), "batch b").retryable()).isFalse();

        assertThat(SqsFailures.classify(failure(400, "AWS.SimpleQueueService.NonExistentQueue"), "batch b").retryable()).isTrue();
        assertThat(SqsFailures.classify(failure(400, "QueueDoesNotExist"), "batch b").retryable()).isTrue();
        assertThat(SqsFailures.classify(failure(403, "AccessDenied"), "batch b").retryable()).isTrue();
        assertThat(SqsFailures.classify(failure(503, "ServiceUnavailable"), "batch b").retryable()).isTrue();
    }
}
