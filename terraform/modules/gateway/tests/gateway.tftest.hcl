# terraform test, offline: the AWS provider is mocked, so this checks the plan's wiring and the
# variables' ranges, not AWS itself.
mock_provider "aws" {
  mock_resource "aws_apigatewayv2_api" {
    defaults = {
      api_endpoint  = "https://r8k2x4m1qd.execute-api.eu-west-1.amazonaws.com"
      execution_arn = "arn:aws:execute-api:eu-west-1:123456789012:r8k2x4m1qd"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/apigateway/quayside-gateway"
    }
  }
}

variables {
  name_prefix         = "quayside"
  function_name       = "quayside-gateway"
  function_invoke_arn = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:quayside-gateway/invocations"
}

run "every_request_goes_to_the_function_as_payload_2" {
  command = apply

  assert {
    condition     = aws_apigatewayv2_integration.gateway.payload_format_version == "2.0"
    error_message = "the function reads payload format 2.0 events"
  }
  assert {
    condition     = aws_apigatewayv2_route.default.route_key == "$default"
    error_message = "one $default route: the function routes by itself"
  }
  assert {
    condition     = aws_apigatewayv2_stage.default.name == "$default"
    error_message = "the $default stage puts no stage name in the paths"
  }
  assert {
    condition     = aws_lambda_permission.gateway.source_arn == "arn:aws:execute-api:eu-west-1:123456789012:r8k2x4m1qd/*/*"
    error_message = "only this API may invoke the function"
  }
  assert {
    condition     = output.sd_url_pattern == "https://r8k2x4m1qd.execute-api.eu-west-1.amazonaws.com/v1/<tenant>/sd"
    error_message = "the SD URL pattern is the endpoint's /v1/<tenant>/sd"
  }
}

run "throttling_outside_api_gateways_quota_is_refused" {
  command = plan
  variables {
    throttling_rate_limit  = 0
    throttling_burst_limit = 5001
  }
  expect_failures = [var.throttling_rate_limit, var.throttling_burst_limit]
}

run "integration_timeout_and_log_retention_outside_their_ranges_are_refused" {
  command = plan
  variables {
    integration_timeout_ms = 30001
    log_retention_days     = 10
  }
  expect_failures = [var.integration_timeout_ms, var.log_retention_days]
}
