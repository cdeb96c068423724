#!/usr/bin/env bash
# Builds the functions and the web app, then applies an environment under
# infra/envs/ with Terraform or OpenTofu.
#
# Usage: npm run deploy [-- ENVIRONMENT [APPLY_ARGS...]]
#        bash scripts/infra/deploy.sh [ENVIRONMENT] [APPLY_ARGS...]
#   ENVIRONMENT  folder under infra/envs/ (default: prod)
#   APPLY_ARGS   passed to apply, e.g. -auto-approve or -var-file=prod.tfvars
#
# Environment:
#   TF_BIN          terraform or tofu binary (default: terraform if on PATH,
#                   else tofu on PATH, else the one install-tofu.sh builds)
#   BACKEND_CONFIG  backend config file for init (default:
#                   infra/envs/ENVIRONMENT/backend.hcl when it exists)
#   STATE_BUCKET, STATE_REGION
#                   S3 bucket and region of the state, passed to init as
#                   -backend-config when set; they override BACKEND_CONFIG
#   AWS_PROFILE or other AWS SDK variables select the AWS credentials.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

environment="${1:-prod}"
shift || true
env_dir="infra/envs/$environment"

if [[ ! -d "$env_dir" ]]; then
  echo "deploy: no environment folder $env_dir; choose one of:" \
    "$(ls infra/envs | paste -sd ' ')" >&2
  exit 1
fi

if [[ -n "${TF_BIN:-}" ]]; then
  tf_bin="$TF_BIN"
elif command -v terraform >/dev/null; then
  tf_bin=terraform
elif command -v tofu >/dev/null; then
  tf_bin=tofu
else
  tf_bin="$(bash scripts/infra/install-tofu.sh)"
fi

backend_args=()
backend_file="${BACKEND_CONFIG:-$env_dir/backend.hcl}"
if [[ -f "$backend_file" ]]; then
  backend_args+=("-backend-config=$(realpath "$backend_file")")
elif [[ -n "${BACKEND_CONFIG:-}" ]]; then
  echo "deploy: BACKEND_CONFIG file $BACKEND_CONFIG not found" >&2
  exit 1
fi
if [[ -n "${STATE_BUCKET:-}" ]]; then
  backend_args+=("-backend-config=bucket=$STATE_BUCKET")
fi
if [[ -n "${STATE_REGION:-}" ]]; then
  backend_args+=("-backend-config=region=$STATE_REGION")
fi
if [[ ${#backend_args[@]} -eq 0 ]]; then
  echo "deploy: no state backend configured; copy $env_dir/backend.hcl.example" \
    "to $env_dir/backend.hcl, or set STATE_BUCKET and STATE_REGION" >&2
  exit 1
fi

echo "deploy: building the functions and the web app"
npm run build

for zip in build/registrations.zip build/certificates.zip; do
  if [[ ! -f "$zip" ]]; then
    echo "deploy: $zip is missing after npm run build" >&2
    exit 1
  fi
done
if [[ ! -f web/dist/index.html ]]; then
  echo "deploy: web/dist/index.html is missing after npm run build" >&2
  exit 1
fi

echo "deploy: applying $env_dir with $tf_bin"
"$tf_bin" -chdir="$env_dir" init -input=false "${backend_args[@]}"
# apply prompts for confirmation unless APPLY_ARGS has -auto-approve.
"$tf_bin" -chdir="$env_dir" apply "$@"
