locals {
  web_origin_id = "web"
  api_origin_id = "api"

  uses_default_certificate = var.acm_certificate_arn == null
}

data "aws_cloudfront_cache_policy" "caching_optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

# Forwards every viewer header, query string and cookie except Host: API
# Gateway routes on its own host name.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host_header" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = "${var.name}-web"
  description                       = "Signs CloudFront requests to the web app bucket."
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_function" "api_prefix" {
  name    = "${var.name}-api-prefix"
  comment = "Strips /api and passes the viewer host in x-forwarded-host."
  runtime = "cloudfront-js-2.0"
  code    = file("${path.module}/functions/api-prefix.js")
  publish = true
}

resource "aws_cloudfront_function" "spa_rewrite" {
  name    = "${var.name}-spa-rewrite"
  comment = "Serves /index.html for web app paths without a file extension."
  runtime = "cloudfront-js-2.0"
  code    = file("${path.module}/functions/spa-rewrite.js")
  publish = true
}

resource "aws_cloudfront_response_headers_policy" "security_headers" {
  #checkov:skip=CKV_AWS_259:HSTS is sent with max-age of two years and includeSubDomains. Preload is left off because it commits the whole domain and needs a submission to browser vendors.
  name    = "${var.name}-security-headers"
  comment = "HSTS, CSP and the other security headers of the web app and API."

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = false
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }

    content_security_policy {
      content_security_policy = var.content_security_policy
      override                = true
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_68:Attaching a WAF web ACL is a cost decision: set web_acl_arn to attach one.
  #checkov:skip=CKV2_AWS_47:Attaching a WAF web ACL is a cost decision: set web_acl_arn to attach one.
  #checkov:skip=CKV_AWS_86:Standard logging needs a log bucket with ACLs, and API requests are logged by API Gateway access logs.
  #checkov:skip=CKV_AWS_174:With the default *.cloudfront.net certificate CloudFront fixes the minimum protocol, and TLSv1.2_2021 applies once acm_certificate_arn is set.
  #checkov:skip=CKV2_AWS_42:A custom certificate needs a domain name, so set acm_certificate_arn and aliases to use one.
  #checkov:skip=CKV_AWS_374:Certificates are verified by employers and institutions anywhere, so no country is blocked.
  #checkov:skip=CKV_AWS_310:Each origin is a single regional service (S3, API Gateway), so there is no second origin to fail over to.
  enabled             = true
  comment             = var.comment
  aliases             = var.aliases
  default_root_object = "index.html"
  http_version        = "http2and3"
  is_ipv6_enabled     = true
  price_class         = var.price_class
  web_acl_id          = var.web_acl_arn

  origin {
    origin_id                = local.web_origin_id
    domain_name              = var.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  origin {
    origin_id   = local.api_origin_id
    domain_name = "${var.api.rest_api_id}.execute-api.${var.api.region}.amazonaws.com"
    origin_path = "/${var.api.stage_name}"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = local.web_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security_headers.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.spa_rewrite.arn
    }
  }

  # Never cached, because responses depend on the API key and on live data. A viewer
  # using plain HTTP gets 403 instead of a redirect that would drop a POST body.
  ordered_cache_behavior {
    path_pattern               = "/api/*"
    target_origin_id           = local.api_origin_id
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.caching_disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host_header.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security_headers.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.api_prefix.arn
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = local.uses_default_certificate
    acm_certificate_arn            = var.acm_certificate_arn
    ssl_support_method             = local.uses_default_certificate ? null : "sni-only"
    minimum_protocol_version       = local.uses_default_certificate ? "TLSv1" : "TLSv1.2_2021"
  }

  tags = var.tags
}
