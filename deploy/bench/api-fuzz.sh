#!/usr/bin/env bash
# Hostile requests generated from intake's OpenAPI document against a running platform (./platform up): mutated
# bodies, headers, ids, ranges, content types, lying framing and resumable pieces sent in parallel, on the requester
# API and the ops API, aimed at requests it creates first. Prints the counts of 5xx answers, of 4xx/5xx answers
# without the refusal body and of answers slower than 1 s (goal: 0 each) with samples, and writes them as JSON beside
# the table (or to $BENCH_JSON). Exits 1 when any count is not 0. Usage: deploy/bench/api-fuzz.sh [count] [instance]   (default 20000
# local). FUZZ_SEED (default 1) and FUZZ_CONNECTIONS (default 4) choose the seed and the concurrency.
set -euo pipefail
count="${1:-20000}"
instance="${2:-local}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
eval "$(./platform --instance "$instance" env)"
intake="$JUNIPER_INTAKE_URL"
curl -sf -o /dev/null "http://127.0.0.1:$JUNIPER_INTAKE_MANAGEMENT_PORT/q/health/ready" \
  || { echo "bench: intake is not up at $intake (./platform --instance $instance up)" >&2; exit 1; }

echo "[bench] building the fuzzer"
./mvnw -B -q package -Dmaven.test.skip=true -pl api-fuzz
[[ -f juniper-sample/target/juniper-sample.jar ]] || ./mvnw -B -q package -Dmaven.test.skip=true -pl juniper-sample -am

out="$JUNIPER_PLATFORM_HOME/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# the smallest valid 14.0 backup: every piece sent in parallel carries it, and each upload is checked as it streams
java -jar juniper-sample/target/juniper-sample.jar --version 14.0 --scale 0.0001 --database fuzz \
  --out "$out/fuzz-backup.zip" >/dev/null

json="${BENCH_JSON:-$out/api-fuzz.json}"
rc=0
java -Xmx512m -jar api-fuzz/target/api-fuzz.jar --backup "$out/fuzz-backup.zip" --base-url "$intake" \
  --ops-token "${JUNIPER_INTAKE_OPS_TOKEN:-local-ops-token}" --count "$count" --seed "${FUZZ_SEED:-1}" \
  --connections "${FUZZ_CONNECTIONS:-4}" --out "$json" | tee "$out/api-fuzz.txt" || rc=$?
echo "[bench] table and JSON summary: ${out#"$root"/}/api-fuzz.txt, ${json#"$root"/}"
exit "$rc"
