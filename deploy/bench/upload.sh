#!/usr/bin/env bash
# A large backup uploaded through intake against the same file uploaded straight to the same S3 server (multipart,
# with the AWS CLI), in the same run; and intake's memory growth during its upload. Prints one table and writes its
# figures as JSON to $BENCH_JSON (default /tmp/upload.json). Needs a running platform (./platform up).
# Usage: deploy/bench/upload.sh [size-MiB]   (default 2048)
set -euo pipefail
size_mb="${1:-2048}"
intake="http://127.0.0.1:${JUNIPER_INTAKE_PORT:-15401}"
intake_health="http://127.0.0.1:${JUNIPER_INTAKE_MANAGEMENT_PORT:-15411}/q/health/ready"
s3="${JUNIPER_OBJECT_STORE_ENDPOINT:-http://127.0.0.1:15490}"
s3_env=(AWS_ACCESS_KEY_ID="${JUNIPER_OBJECT_STORE_ACCESS_KEY:-juniper}"
  AWS_SECRET_ACCESS_KEY="${JUNIPER_OBJECT_STORE_SECRET_KEY:-juniper-secret}" AWS_DEFAULT_REGION=us-east-1)
bucket="${JUNIPER_OBJECT_STORE_BUCKET:-juniper-upgrades}"
json="${BENCH_JSON:-${TMPDIR:-/tmp}/upload.json}"
work="$(mktemp -d)"
# both uploads are deleted again: each is as large as the benchmark's size
cleanup() {
  rm -rf "$work"
  env "${s3_env[@]}" aws --endpoint-url "$s3" s3 rm --only-show-errors "s3://$bucket/bench/plain-$$.zip" || true
  [[ -n "${id:-}" ]] && env "${s3_env[@]}" aws --endpoint-url "$s3" s3 rm --only-show-errors --recursive \
    "s3://$bucket/requests/$id/" || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "[bench] installing $2"; apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }; }; }
need aws awscli
need zip zip
curl -sf -o /dev/null "$intake_health" || { echo "bench: intake is not up at $intake (./platform up)" >&2; exit 1; }
intake_pid="$(pgrep -f "juniper.platform.part=intake-service@" | head -n 1)"

# A valid backup made large by one incompressible attachment, stored uncompressed.
echo "[bench] writing a ${size_mb} MiB backup"
mkdir -p "$work/b"
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$work/b/blob"
sha1="$(sha1sum "$work/b/blob" | cut -c1-40)"
mkdir -p "$work/b/filestore/${sha1:0:2}"
mv "$work/b/blob" "$work/b/filestore/${sha1:0:2}/$sha1"
printf 'CREATE TABLE res_partner (id integer);\n' > "$work/b/dump.sql"
printf '{"juniper_dump":"1","db_name":"bench","version":"14.0","pg_version":"15","modules":{"base":"14.0.1.3"}}' \
  > "$work/b/manifest.json"
(cd "$work/b" && zip -q -0 -r "$work/backup.zip" manifest.json dump.sql filestore)
bytes="$(stat -c %s "$work/backup.zip")"

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# The S3 server writes to the page cache: an upload that starts while the one before is still being written back to
# disk is slowed by it. Each upload starts once everything before it is on disk.
echo "[bench] plain S3 multipart upload (aws s3 cp)"
sync
start="$(date +%s.%N)"
env "${s3_env[@]}" aws --endpoint-url "$s3" s3 cp --only-show-errors "$work/backup.zip" "s3://$bucket/bench/plain-$$.zip"
plain="$(seconds "$start" "$(date +%s.%N)")"

curl -sf -o /dev/null -X PUT "$intake/ops/v1/contracts/M2026-0042" -H 'Authorization: Bearer local-ops-token' \
  -H 'Content-Type: application/json' -d '{"project":"acme-hosting"}'
created="$(curl -sf -X POST "$intake/api/v1/requests" -H 'Content-Type: application/json' \
  -d "{\"contract\":\"M2026-0042\",\"email\":\"bench@acme.example\",\"database\":\"bench-upload-$$\",\"targetVersion\":\"17.0\"}")"
id="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$created")"
secret="$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' <<<"$created")"

rss() { awk '/VmRSS/ {print $2}' "/proc/$intake_pid/status"; }
before="$(rss)"
peak_file="$work/peak"; echo "$before" > "$peak_file"
( while :; do r="$(rss)"; p="$(cat "$peak_file")"; ((r > p)) && echo "$r" > "$peak_file"; sleep 0.2; done ) &
sampler=$!

sha256="$(sha256sum "$work/backup.zip" | cut -c1-64)"
echo "[bench] upload through intake (PUT, streamed and checked on the way)"
sync
start="$(date +%s.%N)"
curl -sf -o /dev/null -X PUT "$intake/api/v1/requests/$id/backup" -H "Authorization: Bearer $secret" \
  -H 'Content-Type: application/zip' -H "Backup-Sha256: $sha256" \
  -T "$work/backup.zip"
through="$(seconds "$start" "$(date +%s.%N)")"
kill "$sampler"; wait "$sampler" 2>/dev/null || true
peak="$(cat "$peak_file")"

mib() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1048576 / s }'; }
printf '\n%-44s %10s %10s\n' "upload of $((bytes / 1048576)) MiB" "seconds" "MiB/s"
printf '%-44s %10s %10s\n' "plain S3 multipart (baseline)" "$plain" "$(mib "$plain")"
printf '%-44s %10s %10s\n' "intake PUT (streamed, checked on the way)" "$through" "$(mib "$through")"
ratio="$(awk -v p="$plain" -v t="$through" 'BEGIN { printf "%.2f", p / t }')"
printf '%-44s %10s\n' "intake / baseline throughput" "$ratio"
printf '%-44s %10s\n' "intake RSS before / peak / growth (MiB)" \
  "$((before / 1024)) / $((peak / 1024)) / $(((peak - before) / 1024))"
jq -n --argjson bytes "$bytes" --argjson plain "$plain" --argjson through "$through" \
  --argjson plain_mib "$(mib "$plain")" --argjson through_mib "$(mib "$through")" --argjson ratio "$ratio" \
  --argjson before "$((before / 1024))" --argjson peak "$((peak / 1024))" \
  --argjson growth "$(((peak - before) / 1024))" \
  '{bytes: $bytes, seconds: {s3: $plain, intake: $through}, mib_per_s: {s3: $plain_mib, intake: $through_mib},
    vs_s3: $ratio, intake_rss_mib: {before: $before, peak: $peak, growth: $growth}}' >"$json"
