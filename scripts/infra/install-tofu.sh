#!/usr/bin/env bash
# Builds OpenTofu from source with the Go toolchain and the Go module proxy,
# because the release downloads are not reachable from CI. The binary lands in
# a cache outside the repository and is reused while its version matches.
#
# Usage: scripts/infra/install-tofu.sh   (prints the path of the binary)
# Environment: TOFU_VERSION (default below), ACREDITA_TOOLS_DIR (cache folder).
set -euo pipefail

TOFU_VERSION="${TOFU_VERSION:-1.12.6}"
TOOLS_DIR="${ACREDITA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/acredita}"
BIN_DIR="$TOOLS_DIR/bin"
TOFU_BIN="$BIN_DIR/tofu"
MODULE="github.com/opentofu/opentofu"

installed_version() {
  "$TOFU_BIN" version -json 2>/dev/null |
    sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p'
}

if [[ -x "$TOFU_BIN" && "$(installed_version)" == "$TOFU_VERSION" ]]; then
  echo "$TOFU_BIN"
  exit 0
fi

# The go line of OpenTofu 1.12.6's go.mod is `go 1.26.6`, and the build below
# copies it. An older Go first downloads a newer toolchain (GOTOOLCHAIN=auto,
# the default since Go 1.21) or stops. Another TOFU_VERSION may need another Go.
if ! command -v go >/dev/null; then
  echo "install-tofu: go not found; install Go 1.26.6 or newer (for OpenTofu" \
    "1.12.6), or put a tofu $TOFU_VERSION binary at $TOFU_BIN" >&2
  exit 1
fi

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

echo "install-tofu: building OpenTofu $TOFU_VERSION into $TOFU_BIN" \
  "(several minutes on 2 cores)" >&2

# `go install module@version` rejects modules whose go.mod has replace
# directives, so a throwaway main module requires OpenTofu and repeats them.
upstream_mod="$(go mod download -json "$MODULE@v$TOFU_VERSION" |
  sed -n 's/.*"GoMod": *"\([^"]*\)".*/\1/p')"
if [[ ! -f "$upstream_mod" ]]; then
  echo "install-tofu: go mod download returned no go.mod for" \
    "$MODULE@v$TOFU_VERSION" >&2
  exit 1
fi

go_line="$(grep -m1 '^go ' "$upstream_mod")"
replace_lines="$(grep '^replace ' "$upstream_mod" || true)"

cd "$work_dir"
cat >go.mod <<GOMOD
module acredita.local/tofu-build

$go_line

require $MODULE v$TOFU_VERSION

$replace_lines
GOMOD

# Importing the command package makes go mod tidy resolve every dependency
# at the versions OpenTofu's own go.mod selects.
cat >tools.go <<'GOFILE'
//go:build tools

package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
GOFILE

go mod tidy >&2
mkdir -p "$BIN_DIR"
# Release builds set version.dev=no; without it the binary calls itself
# <version>-dev.
CGO_ENABLED=0 go build -trimpath \
  -ldflags "-s -w -X $MODULE/version.dev=no" \
  -o "$TOFU_BIN.partial" "$MODULE/cmd/tofu" >&2
mv "$TOFU_BIN.partial" "$TOFU_BIN"

built="$(installed_version)"
if [[ "$built" != "$TOFU_VERSION" ]]; then
  echo "install-tofu: built binary reports version '$built'," \
    "expected $TOFU_VERSION" >&2
  exit 1
fi

echo "$TOFU_BIN"
