package io.quayside.functions.store.dynamodb;

/**
 * The tables the DynamoDB store uses, named as {@code terraform/modules/tables} names them.
 *
 * @param registry containers and tombstones (hash key {@code tenant}, range key {@code container_id})
 * @param latest   newest sample per series, family metadata and seen batch ids (hash key {@code tenant},
 *                 range key {@code series})
 * @param windows  recent samples, one item per ingested chunk (hash key {@code tenant_bucket}, range key {@code chunk})
 * @param tenants  tenants and their hashed tokens (hash key {@code tenant}, range key {@code token_hash})
 */
public record DynamoDbTables(String registry, String latest, String windows, String tenants) {

    /** The Terraform module's names: {@code <prefix>-registry}, {@code <prefix>-latest}, and so on. */
    public static DynamoDbTables withPrefix(String prefix) {
        return new DynamoDbTables(prefix + "-registry", prefix + "-latest", prefix + "-windows", prefix + "-tenants");
    }
}
