variable "bucket_name" {
  description = "Name of the bucket for the web app. S3 bucket names are global, so include something unique such as the account ID."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !strcontains(var.bucket_name, "..")
    error_message = "bucket_name must be 3 to 63 lower-case letters, digits, . or -, start and end with a letter or digit, and have no two dots in a row."
  }
}

variable "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution that may read the bucket through its origin access control."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:cloudfront::[0-9]{12}:distribution/[A-Z0-9]+$", var.cloudfront_distribution_arn))
    error_message = "cloudfront_distribution_arn must be the ARN of a CloudFront distribution."
  }
}

variable "site_dir" {
  description = "Folder of the built web app whose files are uploaded (e.g. web/dist), or null to upload nothing."
  type        = string
  default     = null
}

variable "default_cache_control" {
  description = "Cache-Control of uploaded files other than HTML pages and files under assets/."
  type        = string
  default     = "public, max-age=300"
}

variable "noncurrent_version_expiration_days" {
  description = "Days that S3 keeps an overwritten or deleted version of a file before deleting it."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "noncurrent_version_expiration_days must be at least 1."
  }
}

variable "force_destroy" {
  description = "Whether destroying the bucket also deletes every object in it."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to the bucket, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
