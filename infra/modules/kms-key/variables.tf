variable "alias_name" {
  description = "Alias of the key, including the alias/ prefix, e.g. alias/acredita-prod."
  type        = string

  validation {
    condition     = can(regex("^alias/[a-zA-Z0-9/_-]+$", var.alias_name)) && !startswith(var.alias_name, "alias/aws/")
    error_message = "alias_name must start with alias/, contain only letters, digits, /, _ and -, and not use the reserved alias/aws/ prefix."
  }
}

variable "description" {
  description = "Description shown for the key in the KMS console."
  type        = string
}

variable "deletion_window_in_days" {
  description = "Days between a scheduled deletion of the key and the deletion itself."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "user_role_arns" {
  description = "ARNs of the IAM roles that may encrypt, decrypt and generate data keys with this key, and nothing else."
  type        = list(string)

  validation {
    condition     = alltrue([for arn in var.user_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", arn))])
    error_message = "Every entry of user_role_arns must be an IAM role ARN."
  }
}

variable "dynamodb_enabled" {
  description = "Whether DynamoDB may use the key for tables encrypted with it, on behalf of principals of this account."
  type        = bool
  default     = true
}

variable "log_group_arns" {
  description = "ARNs of the CloudWatch Logs log groups (without a trailing :*) that CloudWatch Logs may encrypt with this key."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.log_group_arns : can(regex("^arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:[^*]+$", arn))])
    error_message = "Every entry of log_group_arns must be a log group ARN without wildcards or a trailing :*."
  }
}

variable "tags" {
  description = "Tags added to the key, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
