data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  name_prefix = "${var.project}-${var.environment}"
  account_id  = data.aws_caller_identity.current.account_id

  function_names = {
    registrations = "${local.name_prefix}-registrations"
    certificates  = "${local.name_prefix}-certificates"
  }

  # The API Gateway stage is named after the environment, and CloudFront
  # adds it as the origin path of /api/*.
  stage_name = var.environment
}

# Key schema of both tables. The infrastructure tests compare these inputs
# with src/shared/tables.ts.
module "registrations_table" {
  source = "../../modules/dynamodb-table"

  name          = "${var.table_name_prefix}${var.registrations_table_name}"
  partition_key = "userId"
  sort_key      = "email"
  global_secondary_indexes = [
    {
      name            = "EmailIndex"
      partition_key   = "email"
      projection_type = "ALL"
    },
    {
      name            = "AccountTypeIndex"
      partition_key   = "accountType"
      sort_key        = "createdAt"
      projection_type = "ALL"
    },
  ]
  ttl_attribute                  = "expirationDate"
  kms_key_arn                    = module.kms_key.key_arn
  point_in_time_recovery_enabled = true
  deletion_protection_enabled    = var.deletion_protection_enabled
}

module "certificates_table" {
  source = "../../modules/dynamodb-table"

  name          = "${var.table_name_prefix}${var.certificates_table_name}"
  partition_key = "certificateId"
  global_secondary_indexes = [
    {
      name            = "UserIdIndex"
      partition_key   = "userId"
      sort_key        = "issuedAt"
      projection_type = "ALL"
    },
    {
      name            = "StatusIndex"
      partition_key   = "status"
      sort_key        = "issuedAt"
      projection_type = "ALL"
    },
  ]
  ttl_attribute                  = "expirationDate"
  kms_key_arn                    = module.kms_key.key_arn
  point_in_time_recovery_enabled = var.certificates_point_in_time_recovery
  deletion_protection_enabled    = var.deletion_protection_enabled
}
