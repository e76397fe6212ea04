#!/usr/bin/env bash
# Throughput and latency of intake's status reads and request creation, measured with wrk on loopback against a
# running platform (./platform up). Prints one table and writes its figures as JSON to $BENCH_JSON (default
# /tmp/intake-api.json). Usage: deploy/bench/intake-api.sh [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
duration="${1:-15}"
connections="${2:-50}"
json="${BENCH_JSON:-${TMPDIR:-/tmp}/intake-api.json}"
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

# wrk's summary: requests/s and the latency distribution (p50, p99, in wrk's units), one row and one JSON member each
figures='{}'
run() {
  local key="$1" name="$2"; shift 2
  local out; out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@")"
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf '%-22s %12s %10s %10s %10s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
  figures="$(jq -c --arg key "$key" --argjson rps "$rps" --arg p50 "$p50" --arg p99 "$p99" \
    --argjson errors "${errors:-0}" '.[$key] = {requests_per_s: $rps, p50: $p50, p99: $p99, non_2xx: $errors}' \
    <<<"$figures")"
}

printf '%-22s %12s %10s %10s %10s\n' "intake ($connections conn, ${duration}s)" "requests/s" "p50" "p99" "non-2xx"
run status "status read" -H "Authorization: Bearer $secret" "$intake/api/v1/requests/$id"
run create "request creation" -s "$here/create-request.lua" "$intake"
jq --argjson seconds "$duration" --argjson connections "$connections" '. + {seconds: $seconds,
  connections: $connections}' <<<"$figures" >"$json"
