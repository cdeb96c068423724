locals {
  # Errors that API Gateway returns before a function runs. A null status
  # keeps API Gateway's own status code, which no template variable exposes,
  # so those problem documents have no status member.
  gateway_responses = {
    DEFAULT_4XX = {
      status_code = null
      type        = "request-rejected"
      title       = "Request rejected"
    }
    DEFAULT_5XX = {
      status_code = null
      type        = "gateway-error"
      title       = "API Gateway error"
    }
    # API Gateway returns this type, with 403, for an unknown path or method.
    MISSING_AUTHENTICATION_TOKEN = {
      status_code = 404
      type        = "not-found"
      title       = "Not found"
    }
    # Sent for a missing key as well as a wrong one: API Gateway does not tell
    # the two apart.
    INVALID_API_KEY = {
      status_code = 403
      type        = "invalid-api-key"
      title       = "Missing or invalid API key"
    }
    THROTTLED = {
      status_code = 429
      type        = "too-many-requests"
      title       = "Too many requests"
    }
    QUOTA_EXCEEDED = {
      status_code = 429
      type        = "quota-exceeded"
      title       = "API key quota exceeded"
    }
  }
}

resource "aws_api_gateway_gateway_response" "this" {
  for_each = local.gateway_responses

  rest_api_id   = aws_api_gateway_rest_api.this.id
  response_type = each.key
  status_code   = each.value.status_code == null ? null : tostring(each.value.status_code)

  response_parameters = {
    "gatewayresponse.header.Content-Type"  = "'application/problem+json'"
    "gatewayresponse.header.Cache-Control" = "'no-store'"
  }

  response_templates = {
    "application/json" = trimspace(templatefile("${path.module}/problem.json.tftpl", {
      type_uri = "${var.problem_type_base_uri}${each.value.type}"
      title    = each.value.title
      status   = each.value.status_code
    }))
  }
}
