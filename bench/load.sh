#!/usr/bin/env bash
# Load test for POST /v1/evaluate, not run by verify.
#   bench/load.sh            (from the repository root; takes about 7 minutes)
# Packages the service, starts it with the JVM options of deploy/docker-compose.yml (JAVA_OPTS, sized
# for its 512m limit), waits for
# /q/health/ready, drives it with wrk on 127.0.0.1 only, samples the JVM's RSS (VmRSS/VmHWM from
# /proc) every second, stops it and appends the results to docs/benchmarks.md.
# Phases (after a 60 s warm-up on distinct texts):
#   1. the 5-service compose (31 findings) under restricted, as fast as it goes, the same text every
#      time, so the answer cache answers;
#   2. the same with every text distinct (a unique comment line): parsed, evaluated and 30 fixes
#      proven each time; then the verdict alone on those texts (OPA's Data API: no fixes to prove);
#      then the findings without fixes (the JUnit view CI reads: nothing to prove, after 10 s of
#      warm-up of its own); then the same five services hardened (no findings, nothing to fix),
#      every text distinct;
#   3. a mix of corpus inputs (compose documents and docker run lines), every text distinct, for
#      60 s, watching RSS while the answer cache churns at its bound;
#   4. phases 1 and 2 with fewer connections;
#   5. paced to a rate to read p99 there: the same text and the hardened compose's distinct texts
#      at 5,000/s (half the 10,000/s target), the 31-finding distinct texts at half of what phase 2
#      reached. Each connection waits between requests (wrk's delay()); wrk2, which holds a constant
#      arrival rate, is not packaged by Debian, so this is a paced closed loop.
# Environment: DURATION (default 30s), MIX_DURATION (60s), WARMUP (60s), THREADS (2), CONNECTIONS (32),
# LOW_CONNECTIONS (2), PACED_RATE (5000), PORT (18080), SKIP_BUILD=1 to reuse target/quarkus-app, LOAD_NOTE (a remark on
# the machine for the record, e.g. "no other builds running").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SHARED=${KEYCARD_SHARED:-$ROOT/../shared}
DURATION=${DURATION:-30s}
MIX_DURATION=${MIX_DURATION:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
LOW_CONNECTIONS=${LOW_CONNECTIONS:-2}
PORT=${PORT:-18080}
URL="http://127.0.0.1:$PORT"

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests
fi

WORK=$(mktemp -d)
SERVICE_PID=""
SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Inputs: a 5-service compose (the corpus has none with exactly five, so the largest corpus
# documents are complemented by this one), corpus compose files and corpus docker run lines.
cat > "$WORK/five.body" <<'YAML'
application/yaml
services:
  web:
    image: nginx:1.27
    ports: ["80:80", "443:443"]
    volumes: ["./nginx.conf:/etc/nginx/nginx.conf:ro"]
    depends_on: [api]
  api:
    image: example/api:2.3
    user: "1000:1000"
    environment:
      DATABASE_URL: postgres://db/app
      REDIS_URL: redis://cache
    cap_drop: [ALL]
    read_only: true
    tmpfs: [/tmp]
    mem_limit: 512m
  worker:
    image: example/worker:2.3
    command: ["worker", "--concurrency", "4"]
    privileged: true
    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
    volumes: ["db-data:/var/lib/postgresql/data"]
    restart: always
  cache:
    image: redis:7
    security_opt: ["no-new-privileges:true"]
    pids_limit: 100
volumes:
  db-data: {}
YAML
# The same five services as they should be: passes restricted with no finding (checked below), as
# a compose does once a pipeline has adopted Keycard; nothing to fix, so nothing to prove.
{
  echo application/yaml
  echo "services:"
  for s in web api worker db cache; do
    cat <<YAML
  $s:
    image: registry.example.com/team/$s:1.4.2
    user: "1000:1000"
    read_only: true
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    tmpfs: [/tmp]
    volumes: ["./data/$s:/data"]
    environment:
      TZ: UTC
    mem_limit: 512m
    cpus: 1
    pids_limit: 100
    healthcheck:
      test: ["CMD", "wget", "-q", "-O-", "http://localhost:8080/health"]
    restart: on-failure:5
YAML
  done
} > "$WORK/hardened.body"
echo "$WORK/hardened.body" > "$WORK/hardened.list"
i=0
for f in "$SHARED"/corpus/real-world/compose/awesome-compose-nginx-nodejs-redis.yaml \
         "$SHARED"/corpus/real-world/compose/docker-library-wordpress.yaml \
         "$SHARED"/corpus/real-world/compose/awesome-compose-react-express-mongodb.yaml; do
  { echo application/yaml; cat "$f"; } > "$WORK/compose$i.body"; i=$((i + 1))
done
for f in $(ls "$SHARED"/corpus/real-world/docker-run/*.sh | head -12); do
  { echo text/plain; cat "$f"; } > "$WORK/run$i.body"; i=$((i + 1))
done
echo "$WORK/five.body" > "$WORK/five.list"
{ echo "$WORK/five.body"; ls "$WORK"/compose*.body "$WORK"/run*.body; } > "$WORK/mix.list"

# The JVM options the container runs with, read from the compose file so the two never drift.
JAVA_OPTS=$(sed -n 's/^ *JAVA_OPTS: "\(.*\)"$/\1/p' deploy/docker-compose.yml)
[ -n "$JAVA_OPTS" ] || { echo "no JAVA_OPTS in deploy/docker-compose.yml"; exit 1; }
# shellcheck disable=SC2086 # options are words
java $JAVA_OPTS -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
  -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$URL/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$URL/q/health/ready" >/dev/null || { cat "$WORK/service.log"; exit 1; }
# Every input must evaluate (200) before it is measured.
while read -r body; do
  code=$(tail -n +2 "$body" | curl -s -o /dev/null -w '%{http_code}' -H "Content-Type: $(head -1 "$body")" \
    --data-binary @- "$URL/v1/evaluate?ruleset=restricted")
  [ "$code" = 200 ] || { echo "input $body answered $code"; exit 1; }
done < "$WORK/mix.list"
# The hardened variant must pass with no finding at all, or its phase measures something else.
hardened=$(tail -n +2 "$WORK/hardened.body" | curl -s -H 'Content-Type: application/yaml' --data-binary @- \
  "$URL/v1/evaluate?ruleset=restricted")
case "$hardened" in *'"allow":true'*'"total":0'*) ;; *) false ;; esac \
  || { echo "the hardened compose answered $hardened"; exit 1; }
# ... and the verdict-only phase must get a verdict, not OPA's undefined {} (also a 200).
opa=$(tail -n +2 "$WORK/five.body" | python3 -c 'import json,sys; print(json.dumps({"input": {"content": sys.stdin.read()}}))' \
  | curl -s -H 'Content-Type: application/json' --data-binary @- "$URL/v1/data/keycard/restricted/allow")
case "$opa" in *'"result":false'*) ;; *) false ;; esac || { echo "the OPA Data API answered $opa"; exit 1; }
# ... and the JUnit phase must get the XML with its failures.
junit=$(tail -n +2 "$WORK/five.body" | curl -s -H 'Content-Type: application/yaml' --data-binary @- \
  "$URL/v1/evaluate?ruleset=restricted&output=junit")
case "$junit" in *'<testsuites'*'<failure'*) ;; *) false ;; esac || { echo "the JUnit view answered $junit"; exit 1; }

sample_rss() {
  while kill -0 "$SERVICE_PID" 2>/dev/null; do
    echo "$(date +%s) $(awk '/VmRSS|VmHWM/ {printf "%s ", $2}' /proc/$SERVICE_PID/status)" >> "$WORK/rss.log"
    sleep 1
  done
}
sample_rss & SAMPLER_PID=$!

run() { # name list connections duration [unique: 1 = every text distinct] [OPA Data API rule set] [rate] [query]
  KEYCARD_BENCH_QUERY="${8:-ruleset=restricted}" KEYCARD_BENCH_RATE="${7:-}" KEYCARD_BENCH_CONNECTIONS="$3" \
  KEYCARD_BENCH_OPA="${6:-}" KEYCARD_BENCH_UNIQUE="${5:-0}" KEYCARD_BENCH_LIST="$2" wrk -t"$THREADS" -c"$3" -d"$4" --latency -s bench/load.lua "$URL" > "$WORK/$1.out"
  cat "$WORK/$1.out" >&2
}
# Warm-up (JIT), not reported: distinct texts, so that parsing, evaluation and fix verification
# are compiled before anything is measured (a repeated text would only warm the answer cache:
# measured so, the first distinct-text phase ran ~40% slower, still compiling). 60 s: on 2 cores
# shared with the load, C2 spends ~34 CPU-seconds compiling and only settles after ~45 s (jcmd
# PerfCounter java.ci.totalTime); after a 30 s warm-up it still took 12% of the CPU.
run warmup "$WORK/mix.list" "$CONNECTIONS" "${WARMUP:-60s}" 1
run five "$WORK/five.list" "$CONNECTIONS" "$DURATION"
run five-unique "$WORK/five.list" "$CONNECTIONS" "$DURATION" 1
run opa-unique "$WORK/five.list" "$CONNECTIONS" "$DURATION" 1 restricted
run junit-warmup "$WORK/five.list" "$CONNECTIONS" 10s 1 "" "" "ruleset=restricted&output=junit"
run junit-unique "$WORK/five.list" "$CONNECTIONS" "$DURATION" 1 "" "" "ruleset=restricted&output=junit"
run hardened-unique "$WORK/hardened.list" "$CONNECTIONS" "$DURATION" 1
: > "$WORK/rss.log"
run mix "$WORK/mix.list" "$CONNECTIONS" "$MIX_DURATION" 1
cp "$WORK/rss.log" "$WORK/rss-mix.log"
run low "$WORK/five.list" "$LOW_CONNECTIONS" "$DURATION"
run low-unique "$WORK/five.list" "$LOW_CONNECTIONS" "$DURATION" 1
# paced: the same text at half the 10,000/s target, distinct texts at half the rate phase 2 reached
run paced "$WORK/five.list" "$CONNECTIONS" "$DURATION" 0 "" "${PACED_RATE:-5000}"
run paced-hardened "$WORK/hardened.list" "$CONNECTIONS" "$DURATION" 1 "" "${PACED_RATE:-5000}"
half=$(awk '/Requests\/sec/ {printf "%d", $2 / 2}' "$WORK/five-unique.out")
run paced-unique "$WORK/five.list" "$CONNECTIONS" "$DURATION" 1 "" "$half"

rps() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.out"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$WORK/$1.out"; }
errors() {
  local non2xx sock
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/$1.out"); sock=$(awk '/Socket errors/ {print}' "$WORK/$1.out")
  echo "${non2xx:-0} non-2xx${sock:+; $sock}"
}
rss_first=$(awk 'NR==5 {print $3}' "$WORK/rss-mix.log")
rss_last=$(awk 'END {print $3}' "$WORK/rss-mix.log")
rss_min=$(awk 'NR>=5 {if (m == "" || $3 < m) m = $3} END {print m}' "$WORK/rss-mix.log")
rss_max=$(awk 'NR>=5 {if ($3 > m) m = $3} END {print m}' "$WORK/rss-mix.log")
hwm=$(awk 'END {print $2}' "$WORK/rss-mix.log")
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k / 1024}'; }

{
  echo
  echo "### Load run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), shared with the load"
  echo "generator (wrk, $THREADS threads)${LOAD_NOTE:+; $LOAD_NOTE}. JVM: $(java -version 2>&1 | head -1), $JAVA_OPTS."
  echo
  echo "| phase | connections | duration | requests/s | p50 | p90 | p99 | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  row() { echo "| $1 | $3 | $4 | $(rps "$2") | $(pct "$2" 50%) | $(pct "$2" 90%) | $(pct "$2" 99%) | $(errors "$2") |"; }
  row "5-service compose, same text (answer cache)" five "$CONNECTIONS" "$DURATION"
  row "5-service compose, every text distinct" five-unique "$CONNECTIONS" "$DURATION"
  row "5-service compose, every text distinct, verdict only (OPA Data API, no fixes)" opa-unique "$CONNECTIONS" "$DURATION"
  row "5-service compose, every text distinct, findings without fixes (?output=junit)" junit-unique "$CONNECTIONS" "$DURATION"
  row "5-service compose that passes restricted (no findings, nothing to fix), every text distinct" hardened-unique "$CONNECTIONS" "$DURATION"
  row "corpus mix ($(wc -l < "$WORK/mix.list") inputs), every text distinct" mix "$CONNECTIONS" "$MIX_DURATION"
  row "5-service compose, same text, fewer connections" low "$LOW_CONNECTIONS" "$DURATION"
  row "5-service compose, every text distinct, fewer connections" low-unique "$LOW_CONNECTIONS" "$DURATION"
  row "5-service compose, same text, paced at ${PACED_RATE:-5000}/s" paced "$CONNECTIONS" "$DURATION"
  row "5-service compose that passes restricted, every text distinct, paced at ${PACED_RATE:-5000}/s" paced-hardened "$CONNECTIONS" "$DURATION"
  row "5-service compose, every text distinct, paced at ${half}/s (half of phase 2)" paced-unique "$CONNECTIONS" "$DURATION"
  echo
  echo "RSS during the $MIX_DURATION mix (sampled each second from /proc, after 5 s): at 5 s $(mib "$rss_first"),"
  echo "min $(mib "$rss_min"), max $(mib "$rss_max"), at the end $(mib "$rss_last"); peak (VmHWM) $(mib "$hwm")."
} | tee -a docs/benchmarks.md
