package io.quayside.functions.store.dynamodb;

import io.quayside.model.Sample;
import io.quayside.model.SampleBatch;
import io.quayside.model.codec.BatchFormatException;
import io.quayside.model.codec.SampleBatchCodec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;

/**
 * Samples as one binary attribute in the batch codec's deflated form: a label set repeated across
 * samples is written once, so a sample takes a few bytes and an item holds thousands.
 */
final class DeflatedSamples {
    private static final SampleBatchCodec CODEC = new SampleBatchCodec();

    private DeflatedSamples() {
    }

    static byte[] encode(String tenant, List<Sample> samples) {
        return CODEC.encode(new SampleBatch("store", tenant, "store", "", 0, List.of(), samples));
    }

    static AttributeValue attribute(byte[] encoded) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(encoded));
    }

    /** @param what names the item in the error, should the attribute not be a batch */
    static List<Sample> decode(AttributeValue attribute, String what) {
        try {
            return CODEC.decode(attribute.b().asByteArrayUnsafe()).samples();
        } catch (BatchFormatException e) {
            throw new IllegalStateException(what + " cannot be read: " + e.getMessage(), e);
        }
    }
}
