# Quayside on AWS in one apply: queues, tables, functions and their triggers, and the HTTP gateway.
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
  source           = "../../modules/functions"
  name_prefix      = var.name_prefix
  bundle_path      = var.bundle_path
  runtime_kind     = var.runtime_kind
  queue_arns       = module.queues.arns
  queue_urls       = module.queues.urls
  table_arns       = module.tables.arns
  table_names      = module.tables.names
  alertmanager_url = var.alertmanager_url
  tags             = local.tags
}

module "gateway" {
  source              = "../../modules/gateway"
  name_prefix         = var.name_prefix
  function_name       = module.functions.function_names["gateway"]
  function_invoke_arn = module.functions.invoke_arns["gateway"]
  tags                = local.tags
}
