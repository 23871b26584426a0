output "arns" {
  description = "Queue ARN by kind (samples, events, alerts)."
  value       = { for kind, queue in aws_sqs_queue.queue : kind => queue.arn }
}

output "urls" {
  description = "Queue URL by kind, for the agent's SQS publisher."
  value       = { for kind, queue in aws_sqs_queue.queue : kind => queue.url }
}

output "dlq_arns" {
  description = "Dead-letter queue ARN by kind, to alarm on and redrive from."
  value       = { for kind, queue in aws_sqs_queue.dlq : kind => queue.arn }
}
