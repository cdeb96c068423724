variable "region" {
  description = "AWS region of every regional resource (tables, functions, API, bucket)."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "project" {
  description = "Project name: the prefix of resource names and the project tag."
  type        = string
  default     = "acredita"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.project))
    error_message = "project must be 2 to 21 lower-case letters, digits or -, starting with a letter."
  }
}

variable "environment" {
  description = "Environment name: part of resource names and the environment tag."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2 to 10 lower-case letters or digits, starting with a letter."
  }
}

variable "owner" {
  description = "Team or person responsible for the resources, for the owner tag."
  type        = string

  validation {
    condition     = length(trimspace(var.owner)) > 0
    error_message = "owner must not be empty."
  }
}

variable "table_name_prefix" {
  description = "Prefix of both table names, e.g. \"staging-\" to keep two environments in one account, or empty in prod."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]*$", var.table_name_prefix))
    error_message = "table_name_prefix may only contain letters, digits, _, . and -."
  }
}

variable "registrations_table_name" {
  description = "Name of the registrations table, after table_name_prefix."
  type        = string
  default     = "Registrations"
}

variable "certificates_table_name" {
  description = "Name of the certificates table, after table_name_prefix."
  type        = string
  default     = "Certificates"
}

variable "certificates_point_in_time_recovery" {
  description = "Whether the certificates table has point-in-time recovery. The registrations table always has it."
  type        = bool
  default     = true
}

variable "deletion_protection_enabled" {
  description = "Whether DynamoDB rejects deleting either table until this is turned off."
  type        = bool
  default     = true
}

variable "kms_alias_name" {
  description = "Alias of the customer managed key, or null for alias/<project>-<environment>."
  type        = string
  default     = null
}

variable "registrations_zip_path" {
  description = "Deployment package of the registrations function, relative to this folder (infra/envs/prod), as built by `npm run build`."
  type        = string
  default     = "../../../build/registrations.zip"
}

variable "certificates_zip_path" {
  description = "Deployment package of the certificates function, relative to this folder (infra/envs/prod), as built by `npm run build`."
  type        = string
  default     = "../../../build/certificates.zip"
}

variable "web_dist_dir" {
  description = "Built web app uploaded to the bucket, relative to this folder (infra/envs/prod)."
  type        = string
  default     = "../../../web/dist"
}

variable "registrations_function" {
  description = "Memory (MB), timeout (s) and reserved concurrency of the registrations function. Null concurrency uses the unreserved pool."
  type = object({
    memory_size                    = optional(number, 512)
    timeout                        = optional(number, 10)
    reserved_concurrent_executions = optional(number, 20)
  })
  default = {}
}

variable "certificates_function" {
  description = "Memory (MB), timeout (s) and reserved concurrency of the certificates function. Null concurrency uses the unreserved pool."
  type = object({
    memory_size                    = optional(number, 512)
    timeout                        = optional(number, 10)
    reserved_concurrent_executions = optional(number, 20)
  })
  default = {}
}

variable "log_level" {
  description = "LOG_LEVEL of both functions."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be DEBUG, INFO, WARN or ERROR."
  }
}

variable "public_base_url" {
  description = "Origin of the web app in verification URLs, e.g. https://certificados.example.org, or null to let the API use the x-forwarded-host header that CloudFront sets."
  type        = string
  default     = null

  validation {
    condition     = var.public_base_url == null ? true : can(regex("^https://[a-zA-Z0-9.-]+(:[0-9]+)?$", var.public_base_url))
    error_message = "public_base_url must be https://host[:port] with no path or trailing slash."
  }
}

variable "registration_ttl_days" {
  description = "Days that a registration is kept (REGISTRATION_TTL_DAYS of the functions), or null to keep registrations until deleted."
  type        = number
  default     = null

  validation {
    condition     = var.registration_ttl_days == null ? true : var.registration_ttl_days >= 1 && floor(var.registration_ttl_days) == var.registration_ttl_days
    error_message = "registration_ttl_days must be null or a whole number of at least 1."
  }
}

variable "enable_certificate_pdf" {
  description = "Whether to add the route GET /certificados/{certificateId}/pdf. Leave it false until the certificates function serves it."
  type        = bool
  default     = false
}

variable "api_throttling" {
  description = "Stage-wide throttling of the API: steady requests per second and burst."
  type = object({
    rate_limit  = optional(number, 50)
    burst_limit = optional(number, 100)
  })
  default = {}
}

variable "issuer_usage_plan" {
  description = "Throttling and quota of requests made with the issuer API key. quota_period is DAY, WEEK or MONTH."
  type = object({
    rate_limit   = optional(number, 10)
    burst_limit  = optional(number, 20)
    quota_limit  = optional(number, 50000)
    quota_period = optional(string, "DAY")
  })
  default = {}
}

variable "log_retention_in_days" {
  description = "Days that CloudWatch Logs keeps the function and API logs."
  type        = number
  default     = 365
}

variable "create_api_gateway_account_role" {
  description = "Whether to set the region's API Gateway CloudWatch logging role, false when another stack of the account manages it."
  type        = bool
  default     = true
}

variable "web_bucket_name" {
  description = "Name of the web app bucket, or null for <project>-<environment>-web-<account ID>."
  type        = string
  default     = null
}

variable "site_bucket_force_destroy" {
  description = "Whether destroying the web app bucket also deletes every object and old version in it. S3 deletes only empty buckets, so set true and apply before destroy."
  type        = bool
  default     = false
}

variable "aliases" {
  description = "Custom domain names of the site, which need acm_certificate_arn."
  type        = list(string)
  default     = []
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 for the aliases, or null to use the *.cloudfront.net domain."
  type        = string
  default     = null
}

variable "price_class" {
  description = "CloudFront price class: PriceClass_100, PriceClass_200 or PriceClass_All."
  type        = string
  default     = "PriceClass_100"
}

variable "web_acl_arn" {
  description = "WAF web ACL (scope CLOUDFRONT) to attach to the distribution, or null for none."
  type        = string
  default     = null
}
