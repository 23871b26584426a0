output "api_endpoint" {
  description = "The gateway's base URL (the $default stage serves at the API's own endpoint)."
  value       = aws_apigatewayv2_api.gateway.api_endpoint
}

output "sd_url_pattern" {
  description = "Prometheus HTTP SD URL of a tenant: replace <tenant>."
  value       = "${aws_apigatewayv2_api.gateway.api_endpoint}/v1/<tenant>/sd"
}

output "metrics_url_pattern" {
  description = "A tenant's exposition URL: replace <tenant>."
  value       = "${aws_apigatewayv2_api.gateway.api_endpoint}/v1/<tenant>/metrics"
}

output "api_id" {
  description = "The HTTP API's id."
  value       = aws_apigatewayv2_api.gateway.id
}

output "access_log_group" {
  description = "CloudWatch log group of the access logs."
  value       = aws_cloudwatch_log_group.access.name
}
