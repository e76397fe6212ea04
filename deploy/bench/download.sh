#!/usr/bin/env bash
# A done request's archive downloaded through intake (with the secret, and through a browser link with no header)
# against the same object downloaded straight from the same S3 server, in the same run, alternately, 3 times each:
# with the AWS CLI (parallel ranged GETs) and with one plain GET (curl, signed), the way intake reads it. Every
# download is checked against the status answer's sha256, and a resumed download through the link (Range) against
# the archive's tail. Intake streams the archive, or redirects to the object store's public address when the
# platform has one (the local runner does), which the ways through intake follow. The archive is a real upgrade of a
# 14.0 sample made large by one incompressible attachment.
# Prints one table and writes its figures as JSON to $BENCH_JSON (default /tmp/download.json).
# Needs a running platform (./platform up). Usage: deploy/bench/download.sh [filestore-MiB]   (default 512)
set -euo pipefail
size_mb="${1:-512}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
intake="http://127.0.0.1:${JUNIPER_INTAKE_PORT:-15401}"
intake_health="http://127.0.0.1:${JUNIPER_INTAKE_MANAGEMENT_PORT:-15411}/q/health/ready"
s3="${JUNIPER_OBJECT_STORE_ENDPOINT:-http://127.0.0.1:15490}"
export AWS_ACCESS_KEY_ID="${JUNIPER_OBJECT_STORE_ACCESS_KEY:-juniper}"
export AWS_SECRET_ACCESS_KEY="${JUNIPER_OBJECT_STORE_SECRET_KEY:-juniper-secret}" AWS_DEFAULT_REGION=us-east-1
bucket="${JUNIPER_OBJECT_STORE_BUCKET:-juniper-upgrades}"
rounds=3
json="${BENCH_JSON:-${TMPDIR:-/tmp}/download.json}"
work="$(mktemp -d)"
# the request's backup and archive are each larger than the attachment: both are deleted again
cleanup() {
  rm -rf "$work"
  [[ -n "${id:-}" ]] && aws --endpoint-url "$s3" s3 rm --only-show-errors --recursive "s3://$bucket/requests/$id/" \
    || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "[bench] installing $2"; apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }; }; }
need aws awscli
need zip zip
need jq jq
curl -sf -o /dev/null "$intake_health" || { echo "bench: intake is not up at $intake (./platform up)" >&2; exit 1; }
jar="$root/juniper-sample/target/juniper-sample.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q package -DskipTests -pl juniper-sample -am)

echo "[bench] a 14.0 sample (scale 0.01) with one incompressible ${size_mb} MiB filestore file, stored uncompressed"
java -Xmx256m -jar "$jar" --version 14.0 --scale 0.01 --database bench --out "$work/backup.zip" >/dev/null
mkdir -p "$work/b"
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$work/b/blob"
sha1="$(sha1sum "$work/b/blob" | cut -c1-40)"
mkdir -p "$work/b/filestore/${sha1:0:2}"
mv "$work/b/blob" "$work/b/filestore/${sha1:0:2}/$sha1"
(cd "$work/b" && zip -q -0 -r "$work/backup.zip" filestore)
rm -rf "$work/b"

echo "[bench] a production request to 17.0: upload, start, wait until done"
flow() { (cd "$root" && PLATFORM_INSTANCE="${JUNIPER_PLATFORM_INSTANCE:-local}" ./platform flow "$@"); }
token="$(flow submit --ops-token local-ops-token --backup "$work/backup.zip" --database "bench-download-$$" \
  --purpose production)"
id="${token%%:*}"
secret="${token#*:}"
rm "$work/backup.zip"
# the status read after says how it ended, done or not
flow await --timeout 1800 --every 1000 "$token" >/dev/null || true
status="$(curl -sf "$intake/api/v1/requests/$id" -H "Authorization: Bearer $secret")"
[[ "$(jq -r .state <<<"$status")" == done ]] \
  || { echo "bench: request $id ended $(jq -c '{state, failure}' <<<"$status")" >&2; exit 1; }
sha256="$(jq -r .result.sha256 <<<"$status")"
bytes="$(jq -r .result.size <<<"$status")"
# the archive is the request's object of the result's size
key="$(aws --endpoint-url "$s3" s3 ls --recursive "s3://$bucket/requests/$id/" \
  | awk -v b="$bytes" '$3 == b { print $4; exit }')"
[[ -n "$key" ]] || { echo "bench: no object of $bytes bytes under requests/$id/" >&2; exit 1; }
link="$(curl -sf -X POST "$intake/api/v1/requests/$id/links" -H "Authorization: Bearer $secret" | jq -r .download)"
# links are relative unless a public URL is configured
[[ "$link" == /* ]] && link="$intake$link"
echo "[bench] archive s3://$bucket/$key, $bytes bytes"
# intake streams the archive, or sends the client to the object store's public address when the platform has one
sent_from="$(curl -s -o /dev/null -w '%{redirect_url}' "$link")"
sent_from="${sent_from%%\?*}"
echo "[bench] intake sends the archive from: ${sent_from:-intake itself}"

# One download of the archive into $work/out by the named way.
fetch() {
  case "$1" in
    aws) aws --endpoint-url "$s3" s3 cp --only-show-errors "s3://$bucket/$key" "$work/out" ;;
    get) curl -sf -o "$work/out" --aws-sigv4 "aws:amz:us-east-1:s3" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" \
      -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$s3/$bucket/$key" ;;
    header) curl -sfL -o "$work/out" -H "Authorization: Bearer $secret" "$intake/api/v1/requests/$id/download" ;;
    link) curl -sfL -o "$work/out" "$link" ;;
  esac
}
ways=(aws get header link)
declare -A label=([aws]="direct S3, aws s3 cp (baseline)" [get]="direct S3, one GET (curl, signed)"
  [header]="intake, Authorization: Bearer" [link]="intake, browser link, no header")
declare -A times=()

# Nothing here drops the page cache (that needs root and touches the whole machine): unmeasured reads first, so the
# object is in the page cache for every way alike, and intake's download code is compiled as in a running service.
for way in get header link; do fetch "$way"; done
rm "$work/out"
for round in $(seq "$rounds"); do
  for way in "${ways[@]}"; do
    # each download starts with nothing of the one before left to write back to disk
    sync
    start="$(date +%s.%N)"
    fetch "$way"
    took="$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')"
    times[$way]+="$took "
    got="$(sha256sum "$work/out" | cut -c1-64)"
    [[ "$got" == "$sha256" ]] || { echo "bench: $way download $round has sha256 $got, not $sha256" >&2; exit 1; }
    echo "[bench] round $round, $way: $took s"
    [[ "$round" == "$rounds" && "$way" == link ]] || rm "$work/out"
  done
done

# A cut download resumed through the link: the second half, as 206, equal to the archive's tail.
half=$((bytes / 2))
code="$(curl -sL -o "$work/tail" -D "$work/headers" -w '%{http_code}' -H "Range: bytes=$half-" "$link")"
range="$(tr -d '\r' <"$work/headers" | awk -F': ' 'tolower($1) == "content-range" { r = $2 } END { print r }')"
want="$(tail -c "$((bytes - half))" "$work/out" | sha256sum | cut -c1-64)"
[[ "$code" == 206 && "$range" == "bytes $half-$((bytes - 1))/$bytes" \
  && "$(sha256sum "$work/tail" | cut -c1-64)" == "$want" ]] \
  || { echo "bench: resumed download answered $code, Content-Range '$range', tail sha256 mismatch or not" >&2; exit 1; }

median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | sed -n "$(((rounds + 1) / 2))p"; }
mib() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1048576 / s }'; }
declare -A med=()
for way in "${ways[@]}"; do med[$way]="$(median "${times[$way]}")"; done
printf '\n%-52s %10s %10s   %s\n' "download of $((bytes / 1048576)) MiB, median of $rounds" "seconds" "MiB/s" "all runs (s)"
for way in "${ways[@]}"; do
  printf '%-52s %10.2f %10s   %s\n' "${label[$way]}" "${med[$way]}" "$(mib "${med[$way]}")" "${times[$way]% }"
done
awk -v a="${med[aws]}" -v g="${med[get]}" -v h="${med[header]}" -v l="${med[link]}" 'BEGIN {
  printf "%-52s %10.2f %10.2f\n", "intake / baseline throughput (header, link)", a / h, a / l
  printf "%-52s %10.2f %10.2f\n", "intake / one direct GET throughput (header, link)", g / h, g / l }'
# the same figures for platform bench: medians in seconds, throughputs in MiB/s, intake's ways against the direct
jq -n --argjson bytes "$bytes" --argjson rounds "$rounds" --arg sent_from "${sent_from:-intake}" \
  --argjson aws "${med[aws]}" --argjson get "${med[get]}" --argjson header "${med[header]}" \
  --argjson link "${med[link]}" \
  'def r2: . * 100 | round / 100;
   {aws: $aws, get: $get, header: $header, link: $link} as $median
   | {bytes: $bytes, rounds: $rounds, sent_from: $sent_from, median_seconds: $median,
      mib_per_s: ($median | map_values($bytes / 1048576 / . * 10 | round / 10)),
      vs_aws: {header: ($aws / $header | r2), link: ($aws / $link | r2)},
      vs_get: {header: ($get / $header | r2), link: ($get / $link | r2)}}' >"$json"
printf '%-52s %s\n' "intake sends the archive from" "${sent_from:-intake itself (streamed)}"
printf '%-52s %s\n' "resumed through the link (Range: bytes=$half-)" "206, $range, tail sha256 matches"
printf '%-52s %s\n' "sha256 of all $((rounds * ${#ways[@]})) downloads" "= result.sha256 $sha256"
echo "(the object is in the page cache for every way alike; each download is written to a file on the same disk)"
