# On-demand tables keyed by tenant first, so no query ever reads across tenants. Items that can
# expire (tombstones, window chunks, seen batch ids) carry expires_at for DynamoDB's TTL.
# Key names match functions/.../store/dynamodb (see its README).
locals {
  tables = {
    registry = { hash_key = "tenant", range_key = "container_id" } # containers and tombstones
    latest   = { hash_key = "tenant", range_key = "series" }       # newest samples, families, seen batch ids
    # One item per ingested chunk; "<tenant>#<bucket start ms>" spreads a tenant over a partition per minute.
    windows = { hash_key = "tenant_bucket", range_key = "chunk" }
    tenants = { hash_key = "tenant", range_key = "token_hash" } # hashed tokens and per-tenant limits
  }
}

resource "aws_dynamodb_table" "table" {
  for_each     = local.tables
  name         = "${var.name_prefix}-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = each.value.hash_key
  range_key    = each.value.range_key

  attribute {
    name = each.value.hash_key
    type = "S"
  }

  attribute {
    name = each.value.range_key
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled = true
  }

  tags = var.tags
}
