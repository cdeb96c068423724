#!/usr/bin/env bash
# Installs the tools that the test suite needs beyond npm packages:
# Debian's Chromium for the browser tests, OpenTofu and checkov for the
# infrastructure checks. Each installer skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-chromium.sh
bash scripts/infra/install-tofu.sh
bash scripts/infra/install-checkov.sh
