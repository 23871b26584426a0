# One bundle, one Lambda per Funqy export (QUARKUS_FUNQY_EXPORT picks it), one role per function
# granting exactly the queues and tables that function uses.
locals {
  functions = {
    # ingest: batch ids taken in and each container's newest samples (latest), last-seen (registry), windows.
    ingest = { consumes = ["samples"], sends = [], reads = ["latest"], writes = ["registry", "latest", "windows"] }
    # discover: a destroyed container's latest samples go with it.
    discover = { consumes = ["events"], sends = [], reads = ["registry"], writes = ["registry", "latest"] }
    evaluate = { consumes = [], sends = ["alerts"], reads = ["registry", "windows"], writes = ["windows"] }
    forward  = { consumes = ["alerts"], sends = [], reads = [], writes = [] }
    # Woken by the gateway module's HTTP API; serves intake (POST /v1/ingest, /v1/events) too.
    gateway = { consumes = [], sends = [], reads = ["registry", "latest", "windows", "tenants"], writes = ["registry", "latest", "windows"] }
  }
  native  = var.runtime_kind == "native"
  handler = local.native ? "bootstrap" : "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each           = local.functions
  name               = "${var.name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_cloudwatch_log_group" "function" {
  for_each          = local.functions
  name              = "/aws/lambda/${var.name_prefix}-${each.key}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "function" {
  for_each = local.functions

  statement {
    sid       = "Logs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
  }

  dynamic "statement" {
    for_each = length(each.value.consumes) > 0 ? [1] : []
    content {
      sid       = "ConsumeQueues"
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
      resources = [for queue in each.value.consumes : var.queue_arns[queue]]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.sends) > 0 ? [1] : []
    content {
      sid       = "SendQueues"
      actions   = ["sqs:SendMessage"]
      resources = [for queue in each.value.sends : var.queue_arns[queue]]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.reads) > 0 ? [1] : []
    content {
      sid       = "ReadTables"
      actions   = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"]
      resources = [for table in each.value.reads : var.table_arns[table]]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.writes) > 0 ? [1] : []
    content {
      sid       = "WriteTables"
      actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"]
      resources = [for table in each.value.writes : var.table_arns[table]]
    }
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions
  name     = "${var.name_prefix}-${each.key}"
  role     = aws_iam_role.function[each.key].id
  policy   = data.aws_iam_policy_document.function[each.key].json
}

resource "aws_lambda_function" "function" {
  for_each         = local.functions
  function_name    = "${var.name_prefix}-${each.key}"
  role             = aws_iam_role.function[each.key].arn
  filename         = var.bundle_path
  source_code_hash = filebase64sha256(var.bundle_path)
  runtime          = local.native ? "provided.al2023" : var.java_runtime
  handler          = local.handler
  architectures    = [var.architecture]
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds

  environment {
    variables = merge(
      { QUARKUS_FUNQY_EXPORT = each.key, QUAYSIDE_STORE = "dynamodb" },
      { for name, table in var.table_names : "QUAYSIDE_TABLE_${upper(name)}" => table },
      # The queues a function sends to, e.g. QUAYSIDE_ALERTS_QUEUE_URL on evaluate (SQS sends by URL, not ARN).
      { for queue in each.value.sends : "QUAYSIDE_${upper(queue)}_QUEUE_URL" => var.queue_urls[queue] },
      each.key == "forward" && var.alertmanager_url != null ? { QUAYSIDE_ALERTMANAGER_URL = var.alertmanager_url } : {},
      local.native ? { DISABLE_SIGNAL_HANDLERS = "true" } : {}
    )
  }

  depends_on = [aws_cloudwatch_log_group.function, aws_iam_role_policy.function]
  tags       = var.tags
}

# Queues wake their consumers; a message that fails is reported alone (partial batch failure) and
# reaches the dead-letter queue after the queue's max receive count.
resource "aws_lambda_event_source_mapping" "queue" {
  for_each = merge([
    for name, fn in local.functions : { for queue in fn.consumes : "${name}-${queue}" => { function = name, queue = queue } }
  ]...)
  event_source_arn                   = var.queue_arns[each.value.queue]
  function_name                      = aws_lambda_function.function[each.value.function].arn
  batch_size                         = 10
  maximum_batching_window_in_seconds = 5
  function_response_types            = ["ReportBatchItemFailures"]
}

# ECS task state changes go straight to discover.
resource "aws_cloudwatch_event_rule" "ecs_task_state" {
  name = "${var.name_prefix}-ecs-task-state"
  event_pattern = jsonencode({
    source        = ["aws.ecs"]
    "detail-type" = ["ECS Task State Change"]
  })
  tags = var.tags
}

resource "aws_cloudwatch_event_target" "ecs_task_state" {
  rule = aws_cloudwatch_event_rule.ecs_task_state.name
  arn  = aws_lambda_function.function["discover"].arn
}

resource "aws_lambda_permission" "ecs_task_state" {
  statement_id  = "AllowEcsTaskStateRule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["discover"].function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.ecs_task_state.arn
}

# The rule-evaluation clock.
resource "aws_cloudwatch_event_rule" "evaluation" {
  name                = "${var.name_prefix}-evaluation"
  schedule_expression = var.evaluation_schedule
  tags                = var.tags
}

resource "aws_cloudwatch_event_target" "evaluation" {
  rule = aws_cloudwatch_event_rule.evaluation.name
  arn  = aws_lambda_function.function["evaluate"].arn
}

resource "aws_lambda_permission" "evaluation" {
  statement_id  = "AllowEvaluationSchedule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.function["evaluate"].function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.evaluation.arn
}
