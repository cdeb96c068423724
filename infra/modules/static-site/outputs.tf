output "bucket_name" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the bucket, the CloudFront origin."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "uploaded_file_count" {
  description = "Number of web app files uploaded from site_dir."
  value       = length(aws_s3_object.site)
}
