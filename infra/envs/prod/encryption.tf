locals {
  log_group_arn_prefix = "arn:${data.aws_partition.current.partition}:logs:${var.region}:${local.account_id}:log-group:"

  encrypted_log_group_names = [
    module.registrations.log_group_name,
    module.certificates.log_group_name,
    module.api.access_log_group_name,
    module.api.execution_log_group_name,
  ]
}

# One key encrypts both tables and every log group. The key policy names the
# function roles, and the roles' policies name the key: the policy is a
# separate resource inside the module, so the roles can be created first.
module "kms_key" {
  source = "../../modules/kms-key"

  alias_name  = coalesce(var.kms_alias_name, "alias/${local.name_prefix}")
  description = "Encrypts the ${local.name_prefix} tables and log groups."
  user_role_arns = [
    module.registrations.role_arn,
    module.certificates.role_arn,
  ]
  dynamodb_enabled = true
  log_group_arns   = [for name in local.encrypted_log_group_names : "${local.log_group_arn_prefix}${name}"]
}
