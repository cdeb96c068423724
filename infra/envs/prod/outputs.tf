output "site_url" {
  description = "HTTPS URL of the web app. The API is under <site_url>/api."
  value       = module.cloudfront.site_url
}

output "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution, for cache invalidations."
  value       = module.cloudfront.distribution_id
}

output "api_invoke_url" {
  description = "Invoke URL of the API Gateway stage, without CloudFront (routes have no /api prefix here)."
  value       = module.api.stage_invoke_url
}

output "api_key_id" {
  description = "ID of the issuer API key. Read its value with: aws apigateway get-api-key --api-key <id> --include-value"
  value       = module.api.api_key_id
}

output "registrations_table_name" {
  description = "Name of the registrations table."
  value       = module.registrations_table.table_name
}

output "registrations_table_arn" {
  description = "ARN of the registrations table."
  value       = module.registrations_table.table_arn
}

output "certificates_table_name" {
  description = "Name of the certificates table."
  value       = module.certificates_table.table_name
}

output "certificates_table_arn" {
  description = "ARN of the certificates table."
  value       = module.certificates_table.table_arn
}

output "web_bucket_name" {
  description = "Name of the bucket with the web app."
  value       = module.static_site.bucket_name
}

output "kms_key_arn" {
  description = "ARN of the key that encrypts the tables and log groups."
  value       = module.kms_key.key_arn
}
