variable "name" {
  description = "Name of the REST API."
  type        = string
  default     = "RecursosAPI"
}

variable "description" {
  description = "Description of the REST API."
  type        = string
  default     = ""
}

variable "stage_name" {
  description = "Name of the stage, which is also the first path segment of the invoke URL."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,128}$", var.stage_name))
    error_message = "stage_name must be 1 to 128 letters, digits, _ or -."
  }
}

variable "functions" {
  description = "Lambda functions that serve the routes, by the key that routes use in their function attribute."
  type = map(object({
    function_name = string
    invoke_arn    = string
  }))
}

variable "routes" {
  description = "Routes of the API by a unique key. path starts with / and has 1 to 3 segments ({name} for a path parameter). function is a key of functions. api_key_required makes API Gateway check the x-api-key header against the usage plan."
  type = map(object({
    path             = string
    method           = string
    function         = string
    api_key_required = bool
  }))

  validation {
    condition     = alltrue([for route in var.routes : contains(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], route.method)])
    error_message = "Every route method must be one of GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS."
  }

  validation {
    condition     = alltrue([for route in var.routes : can(regex("^(/([a-zA-Z0-9._-]+|\\{[a-zA-Z][a-zA-Z0-9]*\\})){1,3}$", route.path))])
    error_message = "Every route path must start with / and have 1 to 3 segments of letters, digits, ., _ and -, or {parameter}."
  }

  validation {
    condition     = length(distinct([for route in var.routes : "${route.method} ${route.path}"])) == length(var.routes)
    error_message = "Two routes have the same method and path."
  }

  validation {
    condition     = alltrue([for route in var.routes : contains(keys(var.functions), route.function)])
    error_message = "Every route function must be a key of functions."
  }
}

variable "throttling_rate_limit" {
  description = "Steady-state requests per second that the stage accepts over all methods."
  type        = number
  default     = 50

  validation {
    condition     = var.throttling_rate_limit > 0
    error_message = "throttling_rate_limit must be greater than 0."
  }
}

variable "throttling_burst_limit" {
  description = "Requests that the stage accepts at once above the rate limit."
  type        = number
  default     = 100

  validation {
    condition     = var.throttling_burst_limit > 0 && floor(var.throttling_burst_limit) == var.throttling_burst_limit
    error_message = "throttling_burst_limit must be a whole number greater than 0."
  }
}

variable "usage_plan" {
  description = "Throttling and quota for requests made with the issuer API key. quota_period is DAY, WEEK or MONTH."
  type = object({
    rate_limit   = optional(number, 10)
    burst_limit  = optional(number, 20)
    quota_limit  = optional(number, 50000)
    quota_period = optional(string, "DAY")
  })
  default = {}

  validation {
    condition     = contains(["DAY", "WEEK", "MONTH"], var.usage_plan.quota_period)
    error_message = "usage_plan.quota_period must be DAY, WEEK or MONTH."
  }

  validation {
    condition     = var.usage_plan.rate_limit > 0 && var.usage_plan.burst_limit > 0 && var.usage_plan.quota_limit > 0
    error_message = "usage_plan rate_limit, burst_limit and quota_limit must be greater than 0."
  }
}

variable "log_retention_in_days" {
  description = "Days that CloudWatch Logs keeps the access and execution logs of the stage."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the stage's log groups. Its key policy must let CloudWatch Logs use it for them."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be the ARN of a KMS key (not an alias)."
  }
}

variable "create_account_logging_role" {
  description = "Whether to create the IAM role that API Gateway uses to write CloudWatch logs, and set it in the region's API Gateway account settings. Set false when the account already has one: there is one setting per region, shared by every API."
  type        = bool
  default     = true
}

variable "problem_type_base_uri" {
  description = "Prefix of the RFC 9457 type URI in the problem documents that API Gateway returns for its own errors."
  type        = string
  default     = "https://acredita.dev/problems/"

  validation {
    condition     = can(regex("^https://[^\\s\"]+/$", var.problem_type_base_uri))
    error_message = "problem_type_base_uri must be an https URI ending with /."
  }
}

variable "tags" {
  description = "Tags added to the API, its stage and log groups, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
