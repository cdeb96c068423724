variable "name" {
  description = "Name of the table."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.name))
    error_message = "name must be 3 to 255 letters, digits, _, . or -."
  }
}

variable "partition_key" {
  description = "Name of the partition (hash) key attribute, stored as a string."
  type        = string
}

variable "sort_key" {
  description = "Name of the sort (range) key attribute, stored as a string, or null for a table without a sort key."
  type        = string
  default     = null
}

variable "global_secondary_indexes" {
  description = "Global secondary indexes. Every key attribute is a string, and projection_type defaults to ALL."
  type = list(object({
    name            = string
    partition_key   = string
    sort_key        = optional(string)
    projection_type = optional(string, "ALL")
  }))
  default = []

  validation {
    condition     = alltrue([for index in var.global_secondary_indexes : contains(["ALL", "KEYS_ONLY"], index.projection_type)])
    error_message = "projection_type must be ALL or KEYS_ONLY."
  }

  validation {
    condition     = length(distinct([for index in var.global_secondary_indexes : index.name])) == length(var.global_secondary_indexes)
    error_message = "Index names must be unique."
  }
}

variable "ttl_attribute" {
  description = "Number attribute with the epoch second after which DynamoDB deletes the item, or null to turn TTL off."
  type        = string
  default     = null
}

variable "kms_key_arn" {
  description = "ARN of the customer managed KMS key that encrypts the table."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.kms_key_arn))
    error_message = "kms_key_arn must be the ARN of a KMS key (not an alias)."
  }
}

variable "point_in_time_recovery_enabled" {
  description = "Whether point-in-time recovery (continuous backups for 35 days) is on."
  type        = bool
  default     = true
}

variable "deletion_protection_enabled" {
  description = "Whether DynamoDB rejects deleting the table until this is turned off."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to the table, on top of the provider default tags."
  type        = map(string)
  default     = {}
}
