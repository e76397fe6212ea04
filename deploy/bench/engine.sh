#!/usr/bin/env bash
# The upgrade worker against the same upgrade done by hand, in the same run: a generated 14.0 sample upgraded to
# 17.0. The worker's whole run (start of the request, backup in the object store, until the upgraded archive is in
# the object store) against the bare-hands baseline (unzip, psql -f dump.sql into a default-config cluster, the
# same scripts with psql hop by hop, pg_dump, zip); each hop's scripts against a CREATE TABLE AS SELECT of the
# tables it touched; the worker's peak memory and its time at scale 0.1 against scale 1.
# Prints its tables and writes their figures as JSON to $BENCH_JSON (default /tmp/engine.json).
# Needs a running platform (./platform up; for another instance, eval "$(./platform --instance NAME env)" first).
# Usage: deploy/bench/engine.sh [scale]   (default 1)
set -euo pipefail
scale="${1:-1}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
intake="http://127.0.0.1:${JUNIPER_INTAKE_PORT:-15401}"
intake_health="http://127.0.0.1:${JUNIPER_INTAKE_MANAGEMENT_PORT:-15411}/q/health/ready"
s3="${JUNIPER_OBJECT_STORE_ENDPOINT:-http://127.0.0.1:15490}"
bucket="${JUNIPER_OBJECT_STORE_BUCKET:-juniper-upgrades}"
export AWS_ACCESS_KEY_ID="${JUNIPER_OBJECT_STORE_ACCESS_KEY:-juniper}"
export AWS_SECRET_ACCESS_KEY="${JUNIPER_OBJECT_STORE_SECRET_KEY:-juniper-secret}" AWS_DEFAULT_REGION=us-east-1
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
work="$(mktemp -d)"
json="${BENCH_JSON:-${TMPDIR:-/tmp}/engine.json}"
pg_port=$((20000 + RANDOM % 10000))
# initdb refuses root: root runs the baseline cluster as postgres, as ./platform does
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -f "$work/pg/data/postmaster.pid" ]] && as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  [[ -n "${sampler:-}" ]] && kill "$sampler" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null || { echo "[bench] installing $2"; apt-get install -y -q "$2" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }; }; }
need aws awscli
need zip zip
need unzip unzip
need jq jq
curl -sf -o /dev/null "$intake_health" || { echo "bench: intake is not up at $intake (./platform up)" >&2; exit 1; }
worker_pid="$(pgrep -f "juniper.platform.part=upgrade-worker@${JUNIPER_PLATFORM_HOME:-$root/.platform/local}" | head -n 1)"
[[ -n "$worker_pid" ]] || { echo "bench: no upgrade-worker process of this platform" >&2; exit 1; }
jar="$root/juniper-sample/target/juniper-sample.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -q package -DskipTests -pl juniper-sample -am)

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# hops and their rewrites take fractions of a second at scale 1: their ratio is taken from hundredths
centiseconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

small="$(awk -v s="$scale" 'BEGIN { print s / 10 }')"
for s in "$small" "$scale"; do
  echo "[bench] generating a 14.0 sample at scale $s"
  java -Xmx256m -jar "$jar" --version 14.0 --scale "$s" --database "bench" --out "$work/sample-$s.zip" >/dev/null
done

rss() { awk '/VmRSS/ {print $2}' "/proc/$worker_pid/status"; }

# One request through the platform; prints "<seconds> <peak worker RSS in MB> <request id>".
worker_run() {
  local backup="$1" created id secret start elapsed state
  curl -sf -o /dev/null -X PUT "$intake/ops/v1/contracts/M2026-0042" -H 'Authorization: Bearer local-ops-token' \
    -H 'Content-Type: application/json' -d '{"project":"acme-hosting"}'
  created="$(curl -sf -X POST "$intake/api/v1/requests" -H 'Content-Type: application/json' -d \
    "{\"contract\":\"M2026-0042\",\"email\":\"bench@acme.example\",\"database\":\"bench-$RANDOM\",\"targetVersion\":\"17.0\",\"purpose\":\"production\"}")"
  id="$(jq -r .id <<<"$created")"
  secret="$(jq -r .secret <<<"$created")"
  curl -sf -o /dev/null -X PUT "$intake/api/v1/requests/$id/backup" -H "Authorization: Bearer $secret" \
    -H 'Content-Type: application/zip' -T "$backup"
  echo 0 > "$work/peak"
  # written whole or not at all: the sampler is killed at any point of its loop
  ( while :; do r="$(rss)"; ((r > $(cat "$work/peak"))) && echo "$r" > "$work/peak.new" && mv "$work/peak.new" "$work/peak"; sleep 0.2; done ) &
  sampler=$!
  # the run starts with nothing left to write back to disk, as the baseline does
  sync
  start="$(now)"
  curl -sf -o /dev/null -X POST "$intake/api/v1/requests/$id/start" -H "Authorization: Bearer $secret"
  # asked with curl: an aws process every 0.2 s would take a good part of a core from the run it measures
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' -I --aws-sigv4 "aws:amz:us-east-1:s3" \
      --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \
      "$s3/$bucket/requests/$id/upgraded.zip")" == 200 ]]; do
    state="$(curl -sf "$intake/api/v1/requests/$id" -H "Authorization: Bearer $secret" | jq -r .state)"
    [[ "$state" == failed ]] && { echo "bench: the request failed" >&2; exit 1; }
    sleep 0.2
  done
  elapsed="$(seconds "$start" "$(now)")"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true; sampler=
  # the report reads the archive next: let it finish (two minutes at most) before anything else is measured
  for _ in $(seq 120); do
    [[ "$(curl -sf "$intake/api/v1/requests/$id" -H "Authorization: Bearer $secret" | jq -r .state)" =~ ^(done|failed)$ ]] \
      && break
    sleep 1
  done
  echo "$elapsed $(($(cat "$work/peak") / 1024)) $id"
}

echo "[bench] worker, scale $small"
read -r worker_small rss_small _ < <(worker_run "$work/sample-$small.zip")
echo "[bench] worker, scale $scale"
read -r worker_full rss_full worker_id < <(worker_run "$work/sample-$scale.zip")
aws --endpoint-url "$s3" s3 cp --only-show-errors "s3://$bucket/requests/$worker_id/facts.json" "$work/facts.json"

echo "[bench] baseline: a default-config cluster, then the same upgrade by hand"
mkdir "$work/pg"
chmod 755 "$work"
((EUID == 0)) && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -o "-p $pg_port -k $work/pg -c listen_addresses=''" -l "$work/pg/log" -w \
  start >/dev/null
export PGHOST="$work/pg" PGPORT="$pg_port" PGUSER=postgres
java -cp "$jar" "$root/deploy/bench/HopScripts.java" 14.0 17.0 "$work/hops"
psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@" >/dev/null; }
# per table: relation id, name, rows written so far and data file, to see which tables a hop touched
table_state() { psql -X -At -F ' ' -d bench -c "SELECT relid, relname, n_tup_ins + n_tup_upd + n_tup_del,
  pg_relation_filenode(relid) FROM pg_stat_user_tables ORDER BY relid"; }

# Each hop and its rewrite start alone, on written-back tables: no autovacuum worker, no checkpoint or page
# write-back of what came before on the same two cores and disk. None of it counts in a figure.
settle() {
  until [[ "$(psql -X -At -d bench -c "SELECT count(*) FROM pg_stat_activity
      WHERE backend_type = 'autovacuum worker'")" == 0 ]]; do sleep 0.5; done
  psql_q -d bench -c "CHECKPOINT"
  sync
}

declare -A step
mkdir "$work/base"
sync
t="$(now)"; (cd "$work/base" && unzip -q "$work/sample-$scale.zip"); step[unzip]="$(seconds "$t" "$(now)")"
createdb bench
t="$(now)"; psql_q -d bench -f "$work/base/dump.sql"; step[restore]="$(seconds "$t" "$(now)")"
# what autovacuum would do to every restored table while the hops run, done before them
psql_q -d bench -c "VACUUM ANALYZE"
hop_lines=()
hops='[]'
scripts_total=0
for hop in 15.0 16.0 17.0; do
  table_state > "$work/before"
  settle
  t="$(now)"; psql_q -1 -d bench -f "$work/hops/$hop.sql"; hop_s="$(centiseconds "$t" "$(now)")"
  sleep 1 # psql's session reports its statistics as it ends
  table_state > "$work/after"
  touched="$(join <(sort "$work/before") <(sort "$work/after") -a 2 -e x -o 2.2,1.3,2.3,1.4,2.4 \
    | awk '$2 != $3 || $4 != $5 { print $1 }' | grep -v '^juniper_upgrade_note$' | sort -u)"
  ctas="BEGIN;"
  for table in $touched; do ctas+=" CREATE TABLE bench_copy_$table AS SELECT * FROM $table;"; done
  settle
  t="$(now)"; psql_q -d bench -c "$ctas ROLLBACK;"; ctas_s="$(centiseconds "$t" "$(now)")"
  worker_hop="$(jq -r --arg v "$hop" '.hops[] | select(.version == $v) | .millis / 1000' "$work/facts.json")"
  hop_lines+=("$(printf '%-8s %9s %9s %8s %9s   %s' "$hop" "$hop_s" "$ctas_s" "$(ratio "$hop_s" "$ctas_s")" \
    "$worker_hop" "$(echo $touched | tr ' ' ',')")")
  hops="$(jq -c --arg v "$hop" --argjson psql "$hop_s" --argjson ctas "$ctas_s" \
    --argjson ratio "$(ratio "$hop_s" "$ctas_s")" --argjson worker "${worker_hop:-null}" --arg tables "$touched" \
    '. + [{version: $v, psql_s: $psql, ctas_s: $ctas, ratio: $ratio, worker_s: $worker,
      tables: ($tables | split("\n") | map(select(. != "")))}]' <<<"$hops")"
  scripts_total="$(awk -v a="$scripts_total" -v b="$hop_s" 'BEGIN { print a + b }')"
done
mkdir "$work/out"
t="$(now)"; pg_dump --no-owner --no-privileges -d bench -f "$work/out/dump.sql"; step[dump]="$(seconds "$t" "$(now)")"
cp "$work/base/manifest.json" "$work/out/"; mv "$work/base/filestore" "$work/out/"
t="$(now)"; (cd "$work/out" && zip -q -6 -r "$work/upgraded.zip" manifest.json dump.sql filestore)
step[zip]="$(seconds "$t" "$(now)")"
baseline="$(awk -v a="${step[unzip]}" -v b="${step[restore]}" -v c="$scripts_total" -v d="${step[dump]}" \
  -v e="${step[zip]}" 'BEGIN { printf "%.1f", a + b + c + d + e }')"
size="$(psql -X -At -d bench -c "SELECT pg_size_pretty(pg_database_size('bench'))")"

echo
echo "14.0 -> 17.0, scale $scale (upgraded database $size), ratios measured in this run"
printf '%-46s %9s %9s %7s\n' "" worker baseline ratio
printf '%-46s %9s %9s %7s   goal <= 0.7\n' "whole run, store to store (s)" "$worker_full" "$baseline" \
  "$(ratio "$worker_full" "$baseline")"
echo "  baseline: unzip ${step[unzip]} s, psql restore ${step[restore]} s, scripts ${scripts_total} s, pg_dump ${step[dump]} s, zip -6 ${step[zip]} s"
echo "  worker:   $(jq -r '.timings | to_entries | map("\(.key) \(.value / 1000) s") | join(", ")' "$work/facts.json")"
echo
printf '%-8s %9s %9s %8s %9s   %s\n' hop "psql (s)" "CTAS (s)" ratio "worker(s)" "tables touched (goal: ratio <= 2)"
printf '%s\n' "${hop_lines[@]}"
echo
printf '%-46s %9s %9s %7s\n' "worker" "scale $small" "scale $scale" ratio
printf '%-46s %9s %9s %7s   goal <= 10 (linear)\n' "time (s)" "$worker_small" "$worker_full" \
  "$(ratio "$worker_full" "$worker_small")"
printf '%-46s %9s %9s %7s   goal flat, < 512 MB\n' "peak resident memory (MB)" "$rss_small" "$rss_full" \
  "$(ratio "$rss_full" "$rss_small")"
jq -n --argjson scale "$scale" --argjson small "$small" --arg size "$size" \
  --argjson worker_full "$worker_full" --argjson baseline "$baseline" --argjson unzip "${step[unzip]}" \
  --argjson restore "${step[restore]}" --argjson scripts "$scripts_total" --argjson dump "${step[dump]}" \
  --argjson zip "${step[zip]}" --argjson worker_small "$worker_small" --argjson rss_small "$rss_small" \
  --argjson rss_full "$rss_full" --argjson hops "$hops" --slurpfile facts "$work/facts.json" \
  'def ratio(a; b): a / b * 100 | round / 100;
   {scale: $scale, small_scale: $small, database_size: $size,
    whole_run_s: {worker: $worker_full, baseline: $baseline, ratio: ratio($worker_full; $baseline),
      baseline_steps: {unzip: $unzip, restore: $restore, scripts: $scripts, dump: $dump, zip: $zip},
      worker_steps_ms: $facts[0].timings},
    hops: $hops,
    worker_time_s: {small: $worker_small, full: $worker_full, ratio: ratio($worker_full; $worker_small)},
    worker_peak_rss_mb: {small: $rss_small, full: $rss_full, ratio: ratio($rss_full; $rss_small)}}' >"$json"
