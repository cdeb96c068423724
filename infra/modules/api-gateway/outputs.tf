output "rest_api_id" {
  description = "ID of the REST API."
  value       = aws_api_gateway_rest_api.this.id
}

output "rest_api_execution_arn" {
  description = "Execution ARN of the REST API, the prefix of every method ARN."
  value       = aws_api_gateway_rest_api.this.execution_arn
}

output "stage_name" {
  description = "Name of the stage."
  value       = aws_api_gateway_stage.this.stage_name
}

output "stage_invoke_url" {
  description = "Invoke URL of the stage on the regional execute-api endpoint."
  value       = aws_api_gateway_stage.this.invoke_url
}

output "api_key_id" {
  description = "ID of the issuer API key. The value is read with the AWS CLI, never through Terraform outputs."
  value       = aws_api_gateway_api_key.this.id
}

output "usage_plan_id" {
  description = "ID of the usage plan of the issuer API key."
  value       = aws_api_gateway_usage_plan.this.id
}

output "access_log_group_name" {
  description = "Name of the log group that receives the stage's access logs."
  value       = local.access_log_group_name
}

output "execution_log_group_name" {
  description = "Name of the log group that receives the stage's execution logs."
  value       = local.execution_log_group_name
}
