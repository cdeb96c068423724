#!/usr/bin/env bash
# Fuzzes the API from its own OpenAPI description with schemathesis. It starts
# a local stack on a free loopback port with a temporary data folder and sends
# a bounded number of generated requests. It fails on any 5xx, an undocumented
# status or content type, or a response that breaks its schema. The checks
# that a request the schema allows is accepted are left out, because the
# schemas hold rules (visible characters, calendar dates, codes) that JSON
# Schema cannot express.
#
# Usage: npm run test:fuzz [-- --max-examples 100]
set -euo pipefail
cd "$(dirname "$0")/.."

tools_dir="${ACREDITA_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/acredita}"
venv="$tools_dir/schemathesis-venv"
version=4.32.5
if [[ ! -x "$venv/bin/schemathesis" ]] || ! "$venv/bin/schemathesis" --version | grep -q "$version"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$version"
fi

data_dir="$(mktemp -d)"
log="$data_dir/server.log"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
key="fuzz-$(date +%s)"

PORT="$port" HOST=127.0.0.1 DATA_DIR="$data_dir/db" ISSUER_API_KEY="$key" LOG_LEVEL=WARN \
  node --import tsx src/local/main.ts >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
  curl -fs "$base/api/health" >/dev/null 2>&1 && break
  sleep 1
done

"$venv/bin/schemathesis" run "$base/api/openapi.json" \
  --url "$base/api" \
  --header "x-api-key: $key" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples 25 \
  --workers 2 \
  "$@"

if grep -q '"level":"ERROR"' "$log"; then
  echo "fuzz: the server logged errors:" >&2
  grep '"level":"ERROR"' "$log" >&2
  exit 1
fi
