#!/usr/bin/env bash
# Installs a pinned checkov into a Python virtual environment in the tool
# cache outside the repository, and reuses it while the version matches.
#
# Usage: scripts/infra/install-checkov.sh   (prints the path of the binary)
# Environment: CHECKOV_VERSION (default below), ACREDITA_TOOLS_DIR, PYTHON.
set -euo pipefail

CHECKOV_VERSION="${CHECKOV_VERSION:-3.3.30}"
TOOLS_DIR="${ACREDITA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/acredita}"
VENV_DIR="$TOOLS_DIR/checkov-venv"
CHECKOV_BIN="$VENV_DIR/bin/checkov"
PYTHON="${PYTHON:-python3}"

installed_version() {
  "$VENV_DIR/bin/python" -m pip show checkov 2>/dev/null |
    sed -n 's/^Version: //p'
}

if [[ -x "$CHECKOV_BIN" && "$(installed_version)" == "$CHECKOV_VERSION" ]]; then
  echo "$CHECKOV_BIN"
  exit 0
fi

echo "install-checkov: installing checkov $CHECKOV_VERSION into $VENV_DIR" >&2
rm -rf "$VENV_DIR"
"$PYTHON" -m venv "$VENV_DIR"
"$VENV_DIR/bin/python" -m pip install --quiet --upgrade pip >&2
"$VENV_DIR/bin/python" -m pip install --quiet "checkov==$CHECKOV_VERSION" >&2

echo "$CHECKOV_BIN"
