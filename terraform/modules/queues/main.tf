# One queue per message kind, each with its dead-letter queue: a poison message moves aside after
# max_receive_count receives and the rest flows.
resource "aws_sqs_queue" "dlq" {
  for_each                  = var.queues
  name                      = "${var.name_prefix}-${each.key}-dlq"
  message_retention_seconds = var.dlq_retention_seconds
  sqs_managed_sse_enabled   = var.kms_key_id == "" ? true : null
  kms_master_key_id         = var.kms_key_id == "" ? null : var.kms_key_id
  tags                      = var.tags
}

resource "aws_sqs_queue" "queue" {
  for_each                   = var.queues
  name                       = "${var.name_prefix}-${each.key}"
  visibility_timeout_seconds = var.visibility_timeout_seconds
  message_retention_seconds  = var.message_retention_seconds
  sqs_managed_sse_enabled    = var.kms_key_id == "" ? true : null
  kms_master_key_id          = var.kms_key_id == "" ? null : var.kms_key_id
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })
  tags = var.tags
}

# Only the queue's own DLQ may take its dead letters.
resource "aws_sqs_queue_redrive_allow_policy" "dlq" {
  for_each  = var.queues
  queue_url = aws_sqs_queue.dlq[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.queue[each.key].arn]
  })
}
