#!/usr/bin/env bash
#
# The end-to-end check of the upgrade CLI against a running platform, as issue 7 asks for it:
#   1. a local sample database at Juniper 14.0, `upgrade test -d` to 17.0: the restored test database exists, is at
#      17.0, is neutralized and has the merged filestore (the original's files plus the new ones);
#   2. an upload cut by killing the CLI resumes on the next run of the same command, in the same request;
#   3. `upgrade production -d` replaces the database and keeps the original under a backup name.
# (A production run whose restore fails is proven by UpgradeCliProcessTest: a real platform never sends a broken
# archive on purpose.)
#
# Usage, with the services up (./platform --instance test4 up) and the CLI and sample jars built:
#   eval "$(./platform --instance test4 env)"; upgrade-cli/src/test/e2e/against-platform.sh
#
set -euo pipefail

: "${JUNIPER_INTAKE_URL:?is not set: run eval \"\$(./platform --instance NAME env)\" with the platform up}"
: "${JUNIPER_SCRATCH_PORT:?is not set: run eval \"\$(./platform --instance NAME env)\" with the platform up}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
CLI_JAR="$ROOT/upgrade-cli/target/upgrade-cli.jar"
SAMPLE_JAR="$ROOT/juniper-sample/target/juniper-sample.jar"
[[ -f "$CLI_JAR" ]] || { echo "missing $CLI_JAR: ./mvnw -B -q -o -f upgrade-cli/pom.xml package" >&2; exit 1; }
[[ -f "$SAMPLE_JAR" ]] || { echo "missing $SAMPLE_JAR: ./mvnw -q -o install -DskipTests -pl juniper-sample -am" >&2; exit 1; }

export PGHOST=127.0.0.1 PGPORT="$JUNIPER_SCRATCH_PORT"
export PGUSER="${JUNIPER_SCRATCH_ADMIN_USER:-scratch_admin}" PGPASSWORD="${JUNIPER_SCRATCH_ADMIN_PASSWORD:-scratch_admin}"
work="$(mktemp -d)"
prefix="e2e_$(date +%s)"
cleanup() {
  local db
  for db in $(sql "$PGUSER" "select datname from pg_database where starts_with(datname, '$prefix')"); do
    sql "$PGUSER" "drop database \"$db\" with (force)" >/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
check() { if [[ "$2" == "$3" ]]; then echo "  ok: $1 ($2)"; else echo "  FAILED: $1: '$2', expected '$3'" >&2; exit 1; fi; }
options=(-c M2026-0042 --email it@acme.example --url "$JUNIPER_INTAKE_URL" --filestore-root "$work/filestore"
  --data-dir "$work/data" --poll-interval 1)
upgrade() { java -jar "$CLI_JAR" "$@" "${options[@]}" </dev/null; }
# A sample database restored the way an administrator has it: the dump in PostgreSQL, the files in the filestore.
sample_database() {
  local db="$1" scale="$2"
  java -jar "$SAMPLE_JAR" --version 14.0 --scale "$scale" --database "$db" --out "$work/$db.zip" >/dev/null
  sql "$PGUSER" "create database \"$db\"" >/dev/null
  unzip -p "$work/$db.zip" dump.sql | psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null
  mkdir -p "$work/filestore/$db"
  (cd "$work/filestore/$db" && unzip -q "$work/$db.zip" 'filestore/*' && mv filestore/* . && rmdir filestore)
}
files() { find "$work/filestore/$1" -type f | wc -l; }
missing_files() {
  local db="$1" name missing=0
  for name in $(sql "$db" "select store_fname from ir_attachment where store_fname is not null"); do
    [[ -f "$work/filestore/$db/$name" ]] || missing=$((missing + 1))
  done
  echo "$missing"
}

curl -sf -o /dev/null -X PUT "$JUNIPER_INTAKE_URL/ops/v1/contracts/M2026-0042" \
  -H 'Authorization: Bearer local-ops-token' -H 'Content-Type: application/json' -d '{"project":"acme"}'

echo "1. upgrade test -d: a 14.0 sample to 17.0, restored as a new database with the merged filestore"
acme="${prefix}_acme"
sample_database "$acme" 0.01
started=$SECONDS
upgrade test -d "$acme" -t 17.0 >"$work/test.log" 2>&1 || { cat "$work/test.log"; exit 1; }
restored="$(sed -n "s/.*database '\([^']*\)' is the upgraded copy.*/\1/p" "$work/test.log")"
echo "  $(grep -E '^(dump|upload|download|restore):|^Filestore' "$work/test.log" | paste -sd ';' -) in $((SECONDS - started)) s"
check "restored database" "$(sql "$PGUSER" "select count(*) from pg_database where datname = '$restored'")" 1
check "its version" "$(sql "$restored" "select latest_version from ir_module_module where name = 'base'")" 17.0.1.3
check "neutralized" "$(sql "$restored" "select value from ir_config_parameter where key = 'database.is_neutralized'")" true
check "attachments whose file is missing" "$(missing_files "$restored")" 0
check "the original's files are all there" "$(comm -23 <(cd "$work/filestore/$acme" && find . -type f | sort) \
  <(cd "$work/filestore/$restored" && find . -type f | sort) | wc -l)" 0
check "new files from the upgrade" "$(($(files "$restored") > $(files "$acme")))" 1
check "the original is untouched" "$(sql "$acme" "select latest_version from ir_module_module where name = 'base'")" 14.0.1.3

echo "2. an upload cut by killing the CLI resumes on the next run"
big="${prefix}_big"
sample_database "$big" 1
# java itself in the background, so that $! is the process to kill
java -jar "$CLI_JAR" test -d "$big" -t 17.0 "${options[@]}" </dev/null >"$work/cut.log" 2>&1 &
cli=$!
offset=0
for _ in $(seq 1 1200); do
  if [[ -f "$work/data/$big.json" ]]; then
    token="$(sed -n 's/.*"token" : "\([^"]*\)".*/\1/p' "$work/data/$big.json")"
    offset="$(curl -s -I "$JUNIPER_INTAKE_URL/api/v1/requests/${token%%:*}/backup" \
      -H "Authorization: Bearer ${token#*:}" | tr -d '\r' | sed -n 's/^upload-offset: //Ip')"
    ((${offset:-0} > 0)) && break
  fi
  sleep 0.05
done
kill "$cli"
wait "$cli" || true
echo "  killed the CLI once the platform had $offset bytes of $(stat -c %s "$work/data/$big/backup.zip")"
check "the platform had part of the backup when the CLI was killed" "$((${offset:-0} > 0))" 1
upgrade test -d "$big" -t 17.0 >"$work/resumed.log" 2>&1 || { cat "$work/resumed.log"; exit 1; }
grep -E 'Resume it|already has|^upload:' "$work/resumed.log" | sed 's/^/  /'
check "the same request went on" "$(grep -c "Request ${token%%:*} (test upgrade" "$work/resumed.log")" 1
check "and no new one was created" "$(grep -c ' created\.' "$work/resumed.log")" 0
check "its upload continued where it stopped" "$(grep -c 'of the backup: continuing from there' "$work/resumed.log")" 1
resumed="$(sed -n "s/.*database '\([^']*\)' is the upgraded copy.*/\1/p" "$work/resumed.log")"
check "its restored copy is at 17.0" "$(sql "$resumed" "select latest_version from ir_module_module where name = 'base'")" 17.0.1.3

echo "3. upgrade production -d: the upgraded database takes the name, the original is kept"
upgrade production -d "$acme" -t 17.0 >"$work/production.log" 2>&1 || { cat "$work/production.log"; exit 1; }
kept="$(sql "$PGUSER" "select datname from pg_database where starts_with(datname, '${acme}_before_17.0_')")"
check "$acme is at 17.0" "$(sql "$acme" "select latest_version from ir_module_module where name = 'base'")" 17.0.1.3
check "and not neutralized" "$(sql "$acme" "select count(*) from ir_config_parameter where key = 'database.is_neutralized'")" 0
check "the original is kept as $kept" "$(sql "$kept" "select latest_version from ir_module_module where name = 'base'")" 14.0.1.3
check "attachments of $acme whose file is missing" "$(missing_files "$acme")" 0
check "the kept one keeps its files" "$(files "$kept")" "$(unzip -l "$work/$acme.zip" 'filestore/*' | tail -n 1 | awk '{print $2}')"
echo "all checks passed"
