# AWS generates the key value. Read it with
# `aws apigateway get-api-key --api-key <id> --include-value`.
resource "aws_api_gateway_api_key" "this" {
  name        = "${var.name}-issuer"
  description = "Issuer key for the routes that register in batch, issue, list and revoke."
  enabled     = true

  tags = var.tags
}

resource "aws_api_gateway_usage_plan" "this" {
  name        = "${var.name}-issuer"
  description = "Throttling and quota for requests made with the issuer key."

  api_stages {
    api_id = aws_api_gateway_rest_api.this.id
    stage  = aws_api_gateway_stage.this.stage_name
  }

  throttle_settings {
    rate_limit  = var.usage_plan.rate_limit
    burst_limit = var.usage_plan.burst_limit
  }

  quota_settings {
    limit  = var.usage_plan.quota_limit
    period = var.usage_plan.quota_period
  }

  tags = var.tags
}

resource "aws_api_gateway_usage_plan_key" "this" {
  key_id        = aws_api_gateway_api_key.this.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.this.id
}
