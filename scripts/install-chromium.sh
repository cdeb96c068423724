#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/browser), which drive
# /usr/bin/chromium through playwright-core. Does nothing when it is already there.
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
  echo "chromium is already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "error: installing chromium needs root; run this script as root or install sudo" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y chromium

if [[ ! -x "$CHROMIUM" ]]; then
  echo "error: apt-get installed chromium but $CHROMIUM is missing" >&2
  exit 1
fi

echo "installed: $("$CHROMIUM" --version)"
