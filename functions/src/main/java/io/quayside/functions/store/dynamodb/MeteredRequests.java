package io.quayside.functions.store.dynamodb;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.Set;

/**
 * Asks every item request for its consumed capacity (TOTAL) and adds what DynamoDB reports to a
 * {@link CapacityMeter}, so no call site can forget to. Table management requests pass untouched:
 * they are not billed per request.
 */
final class MeteredRequests implements ExecutionInterceptor {
    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

    private final CapacityMeter meter;

    MeteredRequests(CapacityMeter meter) {
        this.meter = meter;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof PutItemRequest put) {
            return put.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof DeleteItemRequest delete) {
            return delete.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof QueryRequest query) {
            return query.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof ScanRequest scan) {
            return scan.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof BatchWriteItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(TOTAL).build();
        } else if (request instanceof BatchGetItemRequest batch) {
            return batch.toBuilder().returnConsumedCapacity(TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        tablesOf(context.request()).forEach(meter::request);
        SdkResponse response = context.response();
        if (response instanceof GetItemResponse get) {
            read(get.consumedCapacity());
        } else if (response instanceof QueryResponse query) {
            read(query.consumedCapacity());
        } else if (response instanceof ScanResponse scan) {
            read(scan.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse batch) {
            batch.consumedCapacity().forEach(this::read);
        } else if (response instanceof PutItemResponse put) {
            write(put.consumedCapacity());
        } else if (response instanceof UpdateItemResponse update) {
            write(update.consumedCapacity());
        } else if (response instanceof DeleteItemResponse delete) {
            write(delete.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse batch) {
            batch.consumedCapacity().forEach(this::write);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Set<String> tables = tablesOf(context.request());
        tables.forEach(meter::request);
        if (context.exception() instanceof ConditionalCheckFailedException) {
            tables.forEach(meter::unreportedWrite);
        }
    }

    private void read(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            meter.read(consumed.tableName(), consumed.capacityUnits());
        }
    }

    private void write(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            meter.write(consumed.tableName(), consumed.capacityUnits());
        }
    }

    /** The tables an item request names; none for requests this interceptor did not meter. */
    private static Set<String> tablesOf(SdkRequest request) {
        if (request.getValueForField("ReturnConsumedCapacity", Object.class).isEmpty()) {
            return Set.of();
        } else if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().keySet();
        } else if (request instanceof BatchGetItemRequest batch) {
            return batch.requestItems().keySet();
        }
        return request.getValueForField("TableName", String.class).map(Set::of).orElse(Set.of());
    }
}
