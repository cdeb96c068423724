data "aws_partition" "current" {}

locals {
  # Every prefix of every route path is an API Gateway resource:
  # /certificados/{certificateId}/pdf needs /certificados and
  # /certificados/{certificateId} as its parents.
  route_segments = {
    for path in distinct([for route in var.routes : route.path]) :
    path => split("/", trimprefix(path, "/"))
  }

  resource_paths = distinct(flatten([
    for path, segments in local.route_segments : [
      for depth in range(1, length(segments) + 1) :
      "/${join("/", slice(segments, 0, depth))}"
    ]
  ]))

  paths_by_depth = {
    for depth in [1, 2, 3] :
    depth => toset([
      for path in local.resource_paths : path
      if length(split("/", trimprefix(path, "/"))) == depth
    ])
  }

  resource_ids = merge(
    { for path, resource in aws_api_gateway_resource.level_1 : path => resource.id },
    { for path, resource in aws_api_gateway_resource.level_2 : path => resource.id },
    { for path, resource in aws_api_gateway_resource.level_3 : path => resource.id },
  )
}

resource "aws_api_gateway_rest_api" "this" {
  name           = var.name
  description    = var.description
  api_key_source = "HEADER"

  endpoint_configuration {
    types = ["REGIONAL"]
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# A resource cannot refer to other instances of itself for its parent, so
# each path depth has a resource block of its own.
resource "aws_api_gateway_resource" "level_1" {
  for_each = local.paths_by_depth[1]

  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_rest_api.this.root_resource_id
  path_part   = basename(each.key)
}

resource "aws_api_gateway_resource" "level_2" {
  for_each = local.paths_by_depth[2]

  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.level_1[dirname(each.key)].id
  path_part   = basename(each.key)
}

resource "aws_api_gateway_resource" "level_3" {
  for_each = local.paths_by_depth[3]

  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_resource.level_2[dirname(each.key)].id
  path_part   = basename(each.key)
}

resource "aws_api_gateway_method" "this" {
  #checkov:skip=CKV_AWS_59:Self-registration, public certificate verification, health and the OpenAPI document are public by design, and every other route requires the issuer API key.
  #checkov:skip=CKV2_AWS_53:The functions validate every request body, query and path parameter against the same schemas that generate the OpenAPI document.
  for_each = var.routes

  rest_api_id      = aws_api_gateway_rest_api.this.id
  resource_id      = local.resource_ids[each.value.path]
  http_method      = each.value.method
  authorization    = "NONE"
  api_key_required = each.value.api_key_required
}

resource "aws_api_gateway_integration" "this" {
  for_each = var.routes

  rest_api_id             = aws_api_gateway_rest_api.this.id
  resource_id             = aws_api_gateway_method.this[each.key].resource_id
  http_method             = aws_api_gateway_method.this[each.key].http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = var.functions[each.value.function].invoke_arn
}

# One permission per route: the source ARN names this API, the stage, the
# method and the path ({parameter} segments become *), so a function can only
# be invoked through the routes that map to it.
resource "aws_lambda_permission" "this" {
  for_each = var.routes

  statement_id  = "AllowApiGateway-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = var.functions[each.value.function].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn = join("", [
    aws_api_gateway_rest_api.this.execution_arn,
    "/${var.stage_name}/${each.value.method}",
    replace(each.value.path, "/\\{[^}]+\\}/", "*"),
  ])
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  # A deployment is a snapshot: any change to a route, method, integration or
  # gateway response needs a new one, and the hash makes Terraform replace it.
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.level_1,
      aws_api_gateway_resource.level_2,
      aws_api_gateway_resource.level_3,
      aws_api_gateway_method.this,
      aws_api_gateway_integration.this,
      aws_api_gateway_gateway_response.this,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "this" {
  #checkov:skip=CKV_AWS_120:Every response depends on live table data or on the API key, so a stage cache would serve stale or foreign responses.
  #checkov:skip=CKV2_AWS_51:Client certificates authenticate API Gateway to HTTP back ends, but the back ends here are Lambda functions invoked through IAM.
  #checkov:skip=CKV2_AWS_29:Requests are rate limited by stage throttling and the usage plan, and a WAF web ACL is a cost decision left to the operator.
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = var.stage_name
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      extendedRequestId  = "$context.extendedRequestId"
      requestTime        = "$context.requestTime"
      ip                 = "$context.identity.sourceIp"
      userAgent          = "$context.identity.userAgent"
      apiKeyId           = "$context.identity.apiKeyId"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      path               = "$context.path"
      protocol           = "$context.protocol"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integration.status"
      errorMessage       = "$context.error.message"
      errorType          = "$context.error.responseType"
      xrayTraceId        = "$context.xrayTraceId"
    })
  }

  tags = var.tags

  depends_on = [
    aws_api_gateway_account.this,
    aws_cloudwatch_log_group.execution,
  ]
}

resource "aws_api_gateway_method_settings" "all" {
  #checkov:skip=CKV_AWS_225:Every response depends on live table data or on the API key, so a cache would serve stale or foreign responses.
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
    caching_enabled        = false
    cache_data_encrypted   = true
  }
}
