#!/usr/bin/env bash
# A queue of small requests through the running platform (./platform up) with several workers: TESTS test requests,
# then PRODUCTIONS production requests submitted last. Prints when each lane's requests finished (the production
# ones should not wait for the queued tests), the drain time, and the count of every request on every topic and in
# the mail table, which must all match: nothing lost, nothing done twice. With LONG_SCALE, one test request of a
# sample at that scale is submitted first: the small ones must finish while it runs, on the other worker.
# Usage: deploy/bench/queue.sh [TESTS] [PRODUCTIONS] [WORKERS] [LONG_SCALE]
#   (default 50 2 2; the load run: 2000 0 2; one long run ahead of 20 small ones: 20 0 2 1)
set -euo pipefail
tests="${1:-50}"
productions="${2:-2}"
workers="${3:-2}"
long_scale="${4:-0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
eval "$(./platform env)"
intake="$JUNIPER_INTAKE_URL"
work="$(mktemp -d)"
extra_pids=()
cleanup() {
  for pid in "${extra_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${extra_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
curl -sf -o /dev/null "http://127.0.0.1:$JUNIPER_INTAKE_MANAGEMENT_PORT/q/health/ready" || { echo "bench: intake is not up at $intake (./platform up)" >&2; exit 1; }
now_ms() { date +%s%3N; }

# ./platform runs one worker; the others are started here, on ports of their own (management ones too), and
# stopped at the end
for i in $(seq 2 "$workers"); do
  port=$((JUNIPER_WORKER_PORT + 60 + i))
  management=$((JUNIPER_WORKER_MANAGEMENT_PORT + 60 + i))
  # a work folder of its own: a worker drops the folders no run of its own holds
  QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$management" \
    JUNIPER_WORKER_WORK_DIR="$(dirname "$JUNIPER_WORKER_WORK_DIR")/upgrade-worker-$i" java -Xmx256m \
    -jar upgrade-worker/target/quarkus-app/quarkus-run.jar >"$work/worker-$i.log" 2>&1 &
  extra_pids+=("$!")
  until curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/ready"; do
    kill -0 "${extra_pids[-1]}" 2>/dev/null || { tail -20 "$work/worker-$i.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "[bench] worker $i ready on port $port"
done

java -jar juniper-sample/target/juniper-sample.jar --version 14.0 --scale 0.01 --database queue \
  --out "$work/queue.zip" >/dev/null
if [[ "$long_scale" != 0 ]]; then
  java -jar juniper-sample/target/juniper-sample.jar --version 14.0 --scale "$long_scale" --database long \
    --out "$work/long.zip" >/dev/null
fi
# one request, or COUNT of them: create, upload, start; prints "<label> <id> <secret>" for each (label: its
# purpose, or "long")
submit() {
  local purpose="$1" count="$2" archive="${3:-queue.zip}" label="${4:-$1}"
  ./platform flow submit --ops-token local-ops-token --backup "$work/$archive" --database "queue_${purpose}_$$" \
    --purpose "$purpose" --email queue@acme.example --count "$count" | sed "s/^/$label /; s/:/ /"
}

start="$(now_ms)"
: >"$work/requests.txt"
if [[ "$long_scale" != 0 ]]; then
  echo "[bench] submitting one long test request (scale $long_scale)"
  submit test 1 long.zip long >>"$work/requests.txt"
fi
echo "[bench] submitting $tests test requests, then $productions production requests"
((tests == 0)) || submit test "$tests" >>"$work/requests.txt"
((productions == 0)) || submit production "$productions" >>"$work/requests.txt"

echo "[bench] waiting until every request is done or failed"
# "<id> <state> <epoch ms>" as each ends; the production and long requests are read every round, the test ones only
# the oldest 16 waiting: the queue drains roughly in submission order, and reading every waiting test request each
# second would cost the two cores more than the platform itself
tokens_of() { awk -v want="$1" '($1 == "test") == (want == "test") { print $2 ":" $3 }' "$work/requests.txt"; }
await() { (($# == 0)) || ./platform flow await --timeout 86400 --every 1000 "$@" || (($? == 1)); }
: >"$work/finished.txt"
await $(tokens_of other) >>"$work/finished.txt" &
await --window 16 $(tokens_of test) >>"$work/finished.txt"
wait "$!"
drained="$(now_ms)"

# the broker's own count of records per request on every topic
ids="$(awk '{print $2}' "$work/requests.txt" | sort)"
classpath="$(cat ".platform/local/infra/kafka.classpath")"
printf '%-24s %8s\n' topic records
for topic in upgrade.requested upgrade.requested.priority upgrade.dump-upgraded upgrade.neutralized \
  upgrade.report-ready upgrade.completed upgrade.failed upgrade.request-failed; do
  count="$(java -Xmx256m -cp "$classpath" org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --topic "$topic" --from-beginning --timeout-ms 8000 \
    --property print.key=true --property print.value=false 2>/dev/null | sort | uniq -c \
    | awk 'NR == FNR { want[$1] = 1; next } want[$2] { n += 1; twice += ($1 > 1) } END { printf "%d %d", n, twice }' \
      <(echo "$ids") - || true)"
  printf '%-24s %8s   (requests with more than one: %s)\n' "$topic" "${count% *}" "${count#* }"
done
mails="$(PGPASSWORD=notification psql -X -A -t -h 127.0.0.1 -p "$JUNIPER_PLATFORM_DB_PORT" -U notification \
  -d notification -c "select count(*), count(distinct request_id) from outgoing_mail where request_id in ($(
    awk '{printf "%s'\''%s'\''", (NR > 1 ? "," : ""), $2}' "$work/requests.txt"))")"
printf '%-24s %8s   (distinct requests: %s)\n' "outgoing mails" "${mails%|*}" "${mails#*|}"

echo
awk -v start="$start" -v drained="$drained" -v tests="$tests" -v productions="$productions" -v workers="$workers" '
  NR == FNR { label[$2] = $1; next }
  { $4 = $3; $3 = $2; $2 = label[$1] }
  { rank++; if ($2 == "production") { prod[++p] = rank; prodms[p] = $4 - start }
    else if ($2 == "long") { longms = $4 - start; longrank = rank } else { testms[++t] = $4 - start }
    state[$3]++ }
  END {
    printf "%d test + %d production requests, %d workers: done %d, failed %d; drained in %.1f s\n",
      tests, productions, workers, state["done"], state["failed"], (drained - start) / 1000
    for (i = 1; i <= p; i++)
      printf "production request %d finished %d-th of %d, %.1f s after the first submission\n", i, prod[i], rank,
        prodms[i] / 1000
    if (t > 0) printf "last test request finished %.1f s after the first submission\n", testms[t] / 1000
    if (longrank) {
      before = 0; for (i = 1; i <= t; i++) before += (testms[i] < longms)
      printf "long request finished %d-th of %d, %.1f s after the first submission; %d of %d small test requests " \
        "finished before it\n", longrank, rank, longms / 1000, before, t
    }
  }' "$work/requests.txt" <(sort -k3 -n "$work/finished.txt")
