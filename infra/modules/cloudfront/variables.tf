variable "name" {
  description = "Prefix of the names of the CloudFront functions, origin access control and response headers policy."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9-]{1,40}$", var.name))
    error_message = "name must be 1 to 40 letters, digits or -."
  }
}

variable "comment" {
  description = "Comment shown for the distribution."
  type        = string
  default     = ""
}

variable "bucket_regional_domain_name" {
  description = "Regional domain name of the S3 bucket with the web app."
  type        = string
}

variable "api" {
  description = "Regional REST API behind /api/*: its ID, region and stage name."
  type = object({
    rest_api_id = string
    region      = string
    stage_name  = string
  })

  validation {
    condition     = can(regex("^[a-z0-9]{10}$", var.api.rest_api_id))
    error_message = "api.rest_api_id must be a 10-character REST API ID."
  }

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.api.region))
    error_message = "api.region must be an AWS region name such as eu-west-1."
  }
}

variable "aliases" {
  description = "Extra domain names of the distribution, set together with acm_certificate_arn."
  type        = list(string)
  default     = []

  validation {
    condition     = (length(var.aliases) > 0) == (var.acm_certificate_arn != null)
    error_message = "Set aliases and acm_certificate_arn together: an alias needs a certificate that covers it, and a certificate without an alias is never served."
  }
}

variable "acm_certificate_arn" {
  description = "ARN of an ACM certificate in us-east-1 that covers every alias, or null to use the *.cloudfront.net certificate."
  type        = string
  default     = null

  validation {
    condition     = var.acm_certificate_arn == null ? true : can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/", var.acm_certificate_arn))
    error_message = "acm_certificate_arn must be an ACM certificate ARN in us-east-1, the only region CloudFront reads certificates from."
  }
}

variable "price_class" {
  description = "Edge locations that serve the distribution."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "web_acl_arn" {
  description = "ARN of a WAF web ACL (scope CLOUDFRONT) to attach, or null for none."
  type        = string
  default     = null
}

variable "content_security_policy" {
  description = "Content-Security-Policy header added to every response."
  type        = string
  default     = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}

variable "tags" {
  description = "Tags added to the distribution, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
