# Permissions of each function beyond its own logs and traces, which the
# lambda-function module adds. Every index ARN is listed by name, and
# test/infra/permissions.test.ts fails when the DynamoDB actions differ from
# the calls in the function's code.

data "aws_iam_policy_document" "registrations" {
  statement {
    sid = "RegistrationsTable"
    actions = [
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
    ]
    resources = [
      module.registrations_table.table_arn,
      module.registrations_table.index_arns["EmailIndex"],
      module.registrations_table.index_arns["AccountTypeIndex"],
    ]
  }

  statement {
    sid       = "DataKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [module.kms_key.key_arn]
  }
}

data "aws_iam_policy_document" "certificates" {
  statement {
    sid = "CertificatesTable"
    actions = [
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = [
      module.certificates_table.table_arn,
      module.certificates_table.index_arns["UserIdIndex"],
      module.certificates_table.index_arns["StatusIndex"],
    ]
  }

  # Issuance looks the holder up by user ID in the base table only.
  statement {
    sid       = "ReadRegistrations"
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = [module.registrations_table.table_arn]
  }

  statement {
    sid       = "DataKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [module.kms_key.key_arn]
  }
}
