output "key_arn" {
  description = "ARN of the key, known only once the key policy is in place."
  value       = aws_kms_key.this.arn

  # Log groups and tables check the key policy when they are created, so
  # whatever uses the key waits for the policy, not only for the key.
  depends_on = [aws_kms_key_policy.this]
}

output "key_id" {
  description = "ID of the key."
  value       = aws_kms_key.this.key_id
}

output "alias_name" {
  description = "Alias of the key."
  value       = aws_kms_alias.this.name
}
