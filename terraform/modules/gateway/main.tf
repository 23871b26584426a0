# An HTTP API whose one $default route hands every request to the gateway function, as a
# payload format 2.0 Lambda proxy event: the function routes, authorizes and rate-limits per
# tenant itself, exactly as the HTTP gateway does, so no route, authorizer or mapping lives here.
resource "aws_apigatewayv2_api" "gateway" {
  name          = "${var.name_prefix}-gateway"
  protocol_type = "HTTP"
  description   = "Quayside scrape, discovery, federation, query and intake gateway"
  tags          = var.tags
}

resource "aws_apigatewayv2_integration" "gateway" {
  api_id                 = aws_apigatewayv2_api.gateway.id
  integration_type       = "AWS_PROXY"
  integration_method     = "POST"
  integration_uri        = var.function_invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = var.integration_timeout_ms
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.gateway.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.gateway.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name_prefix}-gateway"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

# The $default stage serves at the API's own endpoint, with no stage name in the path. Access logs
# name the route and status but never the Authorization header.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.gateway.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      sourceIp           = "$context.identity.sourceIp"
      requestTime        = "$context.requestTime"
      method             = "$context.httpMethod"
      path               = "$context.path"
      protocol           = "$context.protocol"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      latencyMs          = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationError   = "$context.integrationErrorMessage"
      userAgent          = "$context.identity.userAgent"
    })
  }

  # The account-wide guard in front of the function's own per-tenant token buckets.
  default_route_settings {
    throttling_rate_limit    = var.throttling_rate_limit
    throttling_burst_limit   = var.throttling_burst_limit
    detailed_metrics_enabled = var.detailed_metrics
  }

  tags = var.tags
}

resource "aws_lambda_permission" "gateway" {
  statement_id  = "AllowGatewayHttpApi"
  action        = "lambda:InvokeFunction"
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.gateway.execution_arn}/*/*"
}
