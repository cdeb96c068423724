terraform {
  # 1.10 is the first Terraform and OpenTofu release with S3-native state
  # locking (use_lockfile).
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Remote state in S3. The bucket and region come from a backend config
  # file (see backend.hcl.example) passed to `init -backend-config=...`, so
  # that no account-specific name is committed. use_lockfile keeps a lock
  # object next to the state while a run has the lock, so no DynamoDB table is needed.
  backend "s3" {
    key          = "acredita/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
