package io.quayside.functions.store.dynamodb;

/**
 * The tables the DynamoDB store writes, named as {@code terraform/modules/tables} names them.
 *
 * @param registry containers and tombstones (hash key {@code tenant}, range key {@code container_id})
 * @param latest   newest sample per series and family metadata (hash key {@code tenant}, range key {@code series})
 */
public record DynamoDbTables(String registry, String latest) {

    /** The Terraform module's names: {@code <prefix>-registry}, {@code <prefix>-latest}. */
    public static DynamoDbTables withPrefix(String prefix) {
        return new DynamoDbTables(prefix + "-registry", prefix + "-latest");
    }
}
