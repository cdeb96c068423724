locals {
  # Every route of docs/api.md, without the /api prefix that CloudFront
  # strips. api_key_required marks the issuer-key routes.
  base_routes = {
    create_registration = {
      path             = "/registros"
      method           = "POST"
      function         = "registrations"
      api_key_required = false
    }
    list_registrations = {
      path             = "/registros"
      method           = "GET"
      function         = "registrations"
      api_key_required = true
    }
    register_batch = {
      path             = "/registros/lote"
      method           = "POST"
      function         = "registrations"
      api_key_required = true
    }
    issue_certificate = {
      path             = "/certificados"
      method           = "POST"
      function         = "certificates"
      api_key_required = true
    }
    list_certificates = {
      path             = "/certificados"
      method           = "GET"
      function         = "certificates"
      api_key_required = true
    }
    issue_certificate_batch = {
      path             = "/certificados/lote"
      method           = "POST"
      function         = "certificates"
      api_key_required = true
    }
    verify_certificate = {
      path             = "/certificados/{certificateId}"
      method           = "GET"
      function         = "certificates"
      api_key_required = false
    }
    revoke_certificate = {
      path             = "/certificados/{certificateId}"
      method           = "PATCH"
      function         = "certificates"
      api_key_required = true
    }
    health = {
      path             = "/health"
      method           = "GET"
      function         = "registrations"
      api_key_required = false
    }
    openapi_document = {
      path             = "/openapi.json"
      method           = "GET"
      function         = "registrations"
      api_key_required = false
    }
  }

  # Added only with enable_certificate_pdf, because the certificates function
  # does not serve this route yet and API Gateway would send it a request it
  # rejects with 404.
  certificate_pdf_routes = {
    certificate_pdf = {
      path             = "/certificados/{certificateId}/pdf"
      method           = "GET"
      function         = "certificates"
      api_key_required = false
    }
  }

  routes = merge(
    local.base_routes,
    var.enable_certificate_pdf ? local.certificate_pdf_routes : {},
  )
}

module "api" {
  source = "../../modules/api-gateway"

  name        = "RecursosAPI"
  description = "Acredita registrations and certificates (${var.environment})."
  stage_name  = local.stage_name
  routes      = local.routes

  functions = {
    registrations = {
      function_name = module.registrations.function_name
      invoke_arn    = module.registrations.function_invoke_arn
    }
    certificates = {
      function_name = module.certificates.function_name
      invoke_arn    = module.certificates.function_invoke_arn
    }
  }

  throttling_rate_limit       = var.api_throttling.rate_limit
  throttling_burst_limit      = var.api_throttling.burst_limit
  usage_plan                  = var.issuer_usage_plan
  log_retention_in_days       = var.log_retention_in_days
  log_kms_key_arn             = module.kms_key.key_arn
  create_account_logging_role = var.create_api_gateway_account_role
}
