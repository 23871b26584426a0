variable "name_prefix" {
  description = "Prefix of the API and log group names, e.g. quayside-prod."
  type        = string
}

variable "function_name" {
  description = "Name of the gateway Lambda (the functions module's function_names[\"gateway\"])."
  type        = string
}

variable "function_invoke_arn" {
  description = "Invoke ARN of the gateway Lambda (the functions module's invoke_arns[\"gateway\"])."
  type        = string
}

variable "integration_timeout_ms" {
  description = "How long API Gateway waits for the function; HTTP APIs allow 50 to 30000 ms."
  type        = number
  default     = 29000
  validation {
    condition     = var.integration_timeout_ms >= 50 && var.integration_timeout_ms <= 30000
    error_message = "integration_timeout_ms must be between 50 and 30000."
  }
}

variable "throttling_rate_limit" {
  description = "Steady requests per second the whole API accepts, all tenants together (each tenant's own limit is the function's)."
  type        = number
  default     = 500
  validation {
    condition     = var.throttling_rate_limit > 0 && var.throttling_rate_limit <= 10000
    error_message = "throttling_rate_limit must be above 0 and at most 10000 (API Gateway's default account quota)."
  }
}

variable "throttling_burst_limit" {
  description = "Requests the whole API accepts at once above the steady rate."
  type        = number
  default     = 1000
  validation {
    condition     = var.throttling_burst_limit >= 0 && var.throttling_burst_limit <= 5000 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a whole number from 0 to 5000 (API Gateway's default account quota)."
  }
}

variable "detailed_metrics" {
  description = "Per-route CloudWatch metrics (charged); with one $default route they add little."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "How long access logs are kept (a CloudWatch Logs retention value)."
  type        = number
  default     = 14
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch Logs retention value (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
