# On-demand tables keyed by tenant first, so no query ever reads across tenants. Items that can
# expire (tombstones, window chunks, stale latest values) carry expires_at for DynamoDB's TTL.
locals {
  tables = {
    registry = { range_key = "container_id" } # containers and tombstones
    latest   = { range_key = "series" }       # newest sample per series
    windows  = { range_key = "series_chunk" } # recent samples per series, in time chunks
    tenants  = { range_key = "token_hash" }   # hashed tokens and per-tenant limits
  }
}

resource "aws_dynamodb_table" "table" {
  for_each     = local.tables
  name         = "${var.name_prefix}-${each.key}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "tenant"
  range_key    = each.value.range_key

  attribute {
    name = "tenant"
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
