variable "function_name" {
  description = "Name of the function, which is also the name of its execution role and of its log group /aws/lambda/<name>."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1 to 64 letters, digits, _ or -."
  }
}

variable "description" {
  description = "Description of the function."
  type        = string
  default     = ""
}

variable "zip_path" {
  description = "Path of the deployment package, a zip with the bundled handler at its root (e.g. build/registrations.zip)."
  type        = string

  validation {
    condition     = endswith(var.zip_path, ".zip")
    error_message = "zip_path must name a .zip file."
  }
}

variable "handler" {
  description = "Module and exported function that Lambda calls, as file.export."
  type        = string
  default     = "index.handler"
}

variable "runtime" {
  description = "Lambda runtime, Node.js 22 or newer, because Lambda no longer accepts deployments of older Node.js runtimes such as nodejs16.x."
  type        = string
  default     = "nodejs22.x"

  validation {
    condition     = can(regex("^nodejs(2[2-9]|[3-9][0-9])\\.x$", var.runtime))
    error_message = "runtime must be nodejs22.x or a newer Node.js runtime; nodejs16.x and nodejs18.x can no longer be deployed."
  }
}

variable "architecture" {
  description = "Instruction set of the function."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  description = "Memory of the function in MB. The CPU share grows with it."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "timeout" {
  description = "Maximum run time of one invocation in seconds."
  type        = number
  default     = 10

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "reserved_concurrent_executions" {
  description = "Concurrent executions reserved for (and capping) the function. Null leaves it on the unreserved pool, which accounts with a concurrency quota of 10 need."
  type        = number
  default     = null

  validation {
    condition     = var.reserved_concurrent_executions == null ? true : var.reserved_concurrent_executions >= 0
    error_message = "reserved_concurrent_executions must be null or at least 0."
  }
}

variable "environment_variables" {
  description = "Environment variables of the function."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.environment_variables) : can(regex("^[a-zA-Z][a-zA-Z0-9_]*$", name)) && !startswith(name, "AWS_")])
    error_message = "Environment variable names must be letters, digits and _, start with a letter, and not use the reserved AWS_ prefix."
  }
}

variable "log_retention_in_days" {
  description = "Days that CloudWatch Logs keeps the function's log events."
  type        = number
  default     = 365

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the log group. Its key policy must let CloudWatch Logs use it for this log group."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be the ARN of a KMS key (not an alias)."
  }
}

variable "policy_json" {
  description = "IAM policy document (JSON) with the permissions of the function beyond writing its own logs and traces."
  type        = string

  validation {
    condition     = can(jsondecode(var.policy_json).Statement)
    error_message = "policy_json must be a JSON IAM policy document with a Statement."
  }
}

variable "tags" {
  description = "Tags added to the function, its role and its log group, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
