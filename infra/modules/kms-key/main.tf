data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_root_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
  region           = data.aws_region.current.region

  # Listed one by one, so that the account root can manage the key but not use
  # it: encryption and decryption stay with the roles named in user_role_arns.
  administration_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RetireGrant",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]

  user_actions = [
    "kms:Decrypt",
    "kms:Encrypt",
    "kms:GenerateDataKey",
  ]

  service_actions = [
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:Encrypt",
    "kms:GenerateDataKey",
    "kms:GenerateDataKeyWithoutPlaintext",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
  ]
}

resource "aws_kms_key" "this" {
  description             = var.description
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  name          = var.alias_name
  target_key_id = aws_kms_key.this.key_id
}

# The policy is a resource of its own, so that the roles that use the key can
# be created after the key and still be named in its policy.
resource "aws_kms_key_policy" "this" {
  key_id = aws_kms_key.this.id
  policy = data.aws_iam_policy_document.key_policy.json
}

# In a key policy, the resource "*" is the key that the policy is attached to,
# and KMS documents no other form for it.
data "aws_iam_policy_document" "key_policy" {
  #checkov:skip=CKV_AWS_109:In a key policy the resource "*" is this key only.
  #checkov:skip=CKV_AWS_111:In a key policy the resource "*" is this key only.
  #checkov:skip=CKV_AWS_356:In a key policy the resource "*" is this key only.
  statement {
    sid       = "AccountAdministersKey"
    actions   = local.administration_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.account_root_arn]
    }
  }

  statement {
    sid       = "FunctionRolesUseKey"
    actions   = local.user_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = var.user_role_arns
    }
  }

  # DynamoDB encrypts a table with a customer managed key on behalf of the
  # caller, so principals of this account (the deployer creating the tables,
  # the function roles reading them) need the key, but only through DynamoDB.
  dynamic "statement" {
    for_each = var.dynamodb_enabled ? [1] : []

    content {
      sid       = "AccountUsesKeyThroughDynamoDB"
      actions   = concat(local.service_actions, ["kms:CreateGrant"])
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = [local.account_root_arn]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["dynamodb.${local.region}.amazonaws.com"]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:CallerAccount"
        values   = [data.aws_caller_identity.current.account_id]
      }
    }
  }

  # NOTE: DynamoDB checks with its own service principal that the key is
  # usable. These two read-only actions are the assumed minimum for that
  # check, not yet confirmed against a deployed table.
  dynamic "statement" {
    for_each = var.dynamodb_enabled ? [1] : []

    content {
      sid       = "DynamoDBReadsKeyMetadata"
      actions   = ["kms:DescribeKey", "kms:ListGrants"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["dynamodb.amazonaws.com"]
      }
    }
  }

  # CloudWatch Logs names the log group in the encryption context of every
  # request, so this statement only covers the listed log groups.
  dynamic "statement" {
    for_each = length(var.log_group_arns) > 0 ? [1] : []

    content {
      sid       = "CloudWatchLogsEncryptsLogGroups"
      actions   = local.service_actions
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["logs.${local.region}.amazonaws.com"]
      }

      condition {
        test     = "ArnEquals"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = var.log_group_arns
      }
    }
  }
}
