output "arns" {
  description = "Table ARN by name (registry, latest, windows, tenants)."
  value       = { for name, table in aws_dynamodb_table.table : name => table.arn }
}

output "names" {
  description = "Table name by role, for the functions' settings."
  value       = { for name, table in aws_dynamodb_table.table : name => table.name }
}
