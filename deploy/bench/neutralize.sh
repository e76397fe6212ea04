#!/usr/bin/env bash
# Neutralization of a sample archive against the worker's restore plus dump of the same archive, in the same run:
# restore with psql as an unprivileged owner (--single-transaction, ON_ERROR_STOP), dump with
# pg_dump --no-owner --no-privileges compressed at level 1 as the worker's archive is; then the neutralizer's
# rewrite and check of the archive. Needs the scratch PostgreSQL of a platform instance (./platform --instance NAME
# infra-up). Prints one table and writes its figures as JSON to $BENCH_JSON (default /tmp/neutralize.json).
# Usage: deploy/bench/neutralize.sh [scale] [instance]   (default: 1 local). Goal: ratio <= 0.25.
set -euo pipefail
scale="${1:-1}"
instance="${2:-local}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
json="${BENCH_JSON:-${TMPDIR:-/tmp}/neutralize.json}"
cd "$root"
eval "$(./platform --instance "$instance" env)"
role="bench_neutralize_$$"
export PGHOST=127.0.0.1 PGPORT="$JUNIPER_SCRATCH_PORT"
admin() { PGPASSWORD="$JUNIPER_SCRATCH_ADMIN_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -U "$JUNIPER_SCRATCH_ADMIN_USER" \
  -d "$JUNIPER_SCRATCH_ADMIN_USER" -c "$1"; }
cleanup() {
  admin "drop database if exists $role with (force)" >/dev/null 2>&1 || true
  admin "drop role if exists $role" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
admin "select 1" >/dev/null || { echo "bench: no scratch PostgreSQL on port $PGPORT (./platform --instance $instance infra-up)" >&2; exit 1; }

echo "[bench] building the sample generator and the neutralizer"
./mvnw -B -q package -Dmaven.test.skip=true -pl juniper-sample,neutralizer-service -am
app="neutralizer-service/target/quarkus-app"
classpath="$(ls "$app"/app/*.jar "$app"/lib/main/*.jar | tr '\n' ':')"

echo "[bench] generating a 14.0 sample at scale $scale"
java -jar juniper-sample/target/juniper-sample.jar --version 14.0 --scale "$scale" --database acme --out "$work/acme.zip" >/dev/null
archive_bytes="$(stat -c %s "$work/acme.zip")"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

admin "create role $role login password '$role' nosuperuser nocreatedb nocreaterole noreplication"
admin "grant $role to current_user"
admin "create database $role owner $role template template0 encoding 'UTF8'"
export PGPASSWORD="$role"

echo "[bench] worker: restore"
start="$(now)"
unzip -p "$work/acme.zip" dump.sql | psql -X -q -v ON_ERROR_STOP=1 --single-transaction -U "$role" -d "$role" >/dev/null
restore="$(seconds "$start" "$(now)")"

echo "[bench] worker: dump"
start="$(now)"
pg_dump --no-owner --no-privileges -U "$role" -d "$role" | gzip -1 > "$work/dump.sql.gz"
dump="$(seconds "$start" "$(now)")"

echo "[bench] neutralizer: rewrite and check"
start="$(now)"
java -cp "$classpath" org.juniper.upgrade.neutralizer.NeutralizeCommand "$work/acme.zip" "$work/test.zip" > "$work/neutralize.txt"
wall="$(seconds "$start" "$(now)")"
cat "$work/neutralize.txt"
neutralize="$(awk '/^neutralize_s/ { print $2 }' "$work/neutralize.txt")"

awk -v bytes="$archive_bytes" -v r="$restore" -v d="$dump" -v n="$neutralize" -v w="$wall" 'BEGIN {
  printf "\n%-44s %10s\n", "step (archive " sprintf("%.0f", bytes / 1048576) " MiB)", "seconds"
  printf "%-44s %10.2f\n", "worker restore (psql)", r
  printf "%-44s %10.2f\n", "worker dump (pg_dump, deflate level 1)", d
  printf "%-44s %10.2f\n", "worker restore + dump", r + d
  printf "%-44s %10.2f\n", "neutralizer rewrite + check", n
  printf "%-44s %10.2f\n", "neutralizer, with JVM start", w
  printf "%-44s %10.3f   (goal <= 0.25)\n", "ratio neutralize / (restore + dump)", n / (r + d)
}'
jq -n --argjson scale "$scale" --argjson bytes "$archive_bytes" --argjson restore "$restore" --argjson dump "$dump" \
  --argjson neutralize "$neutralize" --argjson wall "$wall" \
  '{scale: $scale, archive_bytes: $bytes, seconds: {restore: $restore, dump: $dump, neutralize: $neutralize,
    neutralize_with_jvm: $wall}, ratio: ($neutralize / ($restore + $dump) * 1000 | round / 1000)}' >"$json"
