output "agent_queue_urls" {
  description = "Where node agents publish: QUAYSIDE_SQS_SAMPLES_URL and QUAYSIDE_SQS_EVENTS_URL."
  value       = { samples = module.queues.urls["samples"], events = module.queues.urls["events"] }
}

output "function_arns" {
  description = "Lambda ARN by function."
  value       = module.functions.function_arns
}

output "dead_letter_queues" {
  description = "Dead-letter queue ARN by kind, to alarm on."
  value       = module.queues.dlq_arns
}

output "gateway_endpoint" {
  description = "Where Prometheus, Grafana and Zabbix reach the gateway."
  value       = module.gateway.api_endpoint
}

output "sd_url_pattern" {
  description = "Prometheus HTTP SD URL of a tenant: replace <tenant>."
  value       = module.gateway.sd_url_pattern
}
