# Quayside on AWS in one apply: queues, tables, functions and their triggers.
provider "aws" {
  region = var.region
}

locals {
  tags = { app = "quayside" }
}

module "queues" {
  source      = "../../modules/queues"
  name_prefix = var.name_prefix
  tags        = local.tags
}

module "tables" {
  source      = "../../modules/tables"
  name_prefix = var.name_prefix
  tags        = local.tags
}

module "functions" {
  source       = "../../modules/functions"
  name_prefix  = var.name_prefix
  bundle_path  = var.bundle_path
  runtime_kind = var.runtime_kind
  queue_arns   = module.queues.arns
  table_arns   = module.tables.arns
  table_names  = module.tables.names
  tags         = local.tags
}
