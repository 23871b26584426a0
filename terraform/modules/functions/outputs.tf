output "function_arns" {
  description = "Lambda ARN by Funqy export (ingest, discover, evaluate, forward)."
  value       = { for name, fn in aws_lambda_function.function : name => fn.arn }
}

output "role_arns" {
  description = "IAM role ARN by function."
  value       = { for name, role in aws_iam_role.function : name => role.arn }
}
