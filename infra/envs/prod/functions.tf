locals {
  # Settings both functions read. PUBLIC_BASE_URL and REGISTRATION_TTL_DAYS
  # are only set when configured: the API has a fallback for each.
  shared_environment = merge(
    {
      REGISTRATIONS_TABLE = module.registrations_table.table_name
      CERTIFICATES_TABLE  = module.certificates_table.table_name
      NODE_OPTIONS        = "--enable-source-maps"
      LOG_LEVEL           = var.log_level
    },
    var.public_base_url == null ? {} : { PUBLIC_BASE_URL = var.public_base_url },
    var.registration_ttl_days == null ? {} : { REGISTRATION_TTL_DAYS = tostring(var.registration_ttl_days) },
  )
}

module "registrations" {
  source = "../../modules/lambda-function"

  function_name                  = local.function_names.registrations
  description                    = "Acredita registrations, staff batches, health and OpenAPI document."
  zip_path                       = var.registrations_zip_path
  handler                        = "index.handler"
  runtime                        = "nodejs22.x"
  architecture                   = "arm64"
  memory_size                    = var.registrations_function.memory_size
  timeout                        = var.registrations_function.timeout
  reserved_concurrent_executions = var.registrations_function.reserved_concurrent_executions
  log_retention_in_days          = var.log_retention_in_days
  log_kms_key_arn                = module.kms_key.key_arn
  policy_json                    = data.aws_iam_policy_document.registrations.json

  environment_variables = merge(local.shared_environment, {
    POWERTOOLS_SERVICE_NAME = "registrations"
  })
}

module "certificates" {
  source = "../../modules/lambda-function"

  function_name                  = local.function_names.certificates
  description                    = "Acredita certificate issuance, listing, verification and revocation."
  zip_path                       = var.certificates_zip_path
  handler                        = "index.handler"
  runtime                        = "nodejs22.x"
  architecture                   = "arm64"
  memory_size                    = var.certificates_function.memory_size
  timeout                        = var.certificates_function.timeout
  reserved_concurrent_executions = var.certificates_function.reserved_concurrent_executions
  log_retention_in_days          = var.log_retention_in_days
  log_kms_key_arn                = module.kms_key.key_arn
  policy_json                    = data.aws_iam_policy_document.certificates.json

  environment_variables = merge(local.shared_environment, {
    POWERTOOLS_SERVICE_NAME = "certificates"
  })
}
