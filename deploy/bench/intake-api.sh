#!/usr/bin/env bash
# Throughput and latency of intake's status reads and request creation, measured with wrk on loopback against a
# running platform (./platform up). Prints one table. Usage: deploy/bench/intake-api.sh [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-15}"
connections="${2:-50}"
intake="http://127.0.0.1:${JUNIPER_INTAKE_PORT:-15401}"
intake_health="http://127.0.0.1:${JUNIPER_INTAKE_MANAGEMENT_PORT:-15411}/q/health/ready"

command -v wrk >/dev/null || { echo "[bench] installing wrk"; apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }
curl -sf -o /dev/null "$intake_health" || { echo "bench: intake is not up at $intake (./platform up)" >&2; exit 1; }

curl -sf -o /dev/null -X PUT "$intake/ops/v1/contracts/M2026-0042" -H 'Authorization: Bearer local-ops-token' \
  -H 'Content-Type: application/json' -d '{"project":"acme-hosting"}'
created="$(curl -sf -X POST "$intake/api/v1/requests" -H 'Content-Type: application/json' \
  -d "{\"contract\":\"M2026-0042\",\"email\":\"bench@acme.example\",\"database\":\"bench-status-$$\",\"targetVersion\":\"17.0\"}")"
id="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created")"
secret="$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$created")"

# wrk's summary: requests/s and the latency distribution (p50, p99)
run() {
  local name="$1"; shift
  local out; out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf '%-22s %12s %10s %10s %10s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

printf '%-22s %12s %10s %10s %10s\n' "intake ($connections conn, ${duration}s)" "requests/s" "p50" "p99" "non-2xx"
run "status read" -H "Authorization: Bearer $secret" "$intake/api/v1/requests/$id"
run "request creation" -s "$here/create-request.lua" "$intake"
