output "function_arns" {
  description = "Lambda ARN by Funqy export (ingest, discover, evaluate, forward, gateway)."
  value       = { for name, fn in aws_lambda_function.function : name => fn.arn }
}

output "role_arns" {
  description = "IAM role ARN by function."
  value       = { for name, role in aws_iam_role.function : name => role.arn }
}

output "function_names" {
  description = "Lambda name by Funqy export."
  value       = { for name, fn in aws_lambda_function.function : name => fn.function_name }
}

output "invoke_arns" {
  description = "Lambda invoke ARN by Funqy export, for API Gateway integrations."
  value       = { for name, fn in aws_lambda_function.function : name => fn.invoke_arn }
}
