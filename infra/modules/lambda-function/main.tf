locals {
  # The log_group_name output uses this name rather than the log group
  # resource, so that a key policy can name the log group before it exists.
  log_group_name = "/aws/lambda/${var.function_name}"
}

data "aws_iam_policy_document" "assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.function_name
  assume_role_policy = data.aws_iam_policy_document.assume_role.json

  tags = var.tags
}

data "aws_iam_policy_document" "logs" {
  source_policy_documents = [var.policy_json]

  statement {
    sid       = "WriteOwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.function_name}-access"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.logs.json
}

# PutTraceSegments and PutTelemetryRecords accept no resource but "*", so the
# AWS managed policy grants them instead of a document of ours.
resource "aws_iam_role_policy_attachment" "xray" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"
}

data "aws_partition" "current" {}

# Created before the function, so that Lambda does not create it on the first
# invocation without retention or encryption.
resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn

  tags = var.tags
}

resource "aws_lambda_function" "this" {
  #checkov:skip=CKV_AWS_116:API Gateway invokes the function synchronously, so a dead-letter queue would never receive an event.
  #checkov:skip=CKV_AWS_117:The function only calls AWS APIs over TLS with IAM, and a VPC would need NAT or endpoints and add nothing here.
  #checkov:skip=CKV_AWS_173:The environment contains table names and settings but no secrets, and Lambda encrypts it at rest with an AWS managed key.
  #checkov:skip=CKV_AWS_272:The zip is built by this repository's build in CI, and there is no signing profile to check it against.
  function_name = var.function_name
  description   = var.description
  role          = aws_iam_role.this.arn

  filename         = var.zip_path
  source_code_hash = filebase64sha256(var.zip_path)
  handler          = var.handler
  runtime          = var.runtime
  architectures    = [var.architecture]

  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved_concurrent_executions

  environment {
    variables = var.environment_variables
  }

  tracing_config {
    mode = "Active"
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  tags = var.tags

  # The role needs its policy before the first invocation, not only the role.
  depends_on = [
    aws_iam_role_policy.this,
    aws_iam_role_policy_attachment.xray,
  ]
}
