#!/usr/bin/env bash
# Replays the attacks of issue 16 against the packaged service, not run by verify.
#   bench/attacks.sh            (from the repository root; about 3 minutes after packaging)
# Packages the service, starts it with the production JVM options of deploy/Dockerfile
# (-Xms256m -Xmx256m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError ...) on 127.0.0.1 only, without
# caller rules and without API keys, and replays every attack of the issue; one line
# per attack: status (or the statuses seen), time, answer size, and whether the JVM is alive. A JVM
# that died is started again for the next attack, and the run says how many times that happened.
#   1   Dockerfile ARG doubling through files.Dockerfile
#   2   an anchored list reused by 99 services
#   3   3,200 -v /var/run/docker.sock:/sN; 4,096 --cap-add SYS_ADMIN
#   4   --privileged x 19,990 (/v1/parse, /v1/evaluate); engine-api /v1/fix with CapAdd x 4,096;
#       compose /v1/fix with cap_add x 8,192
#   5   the answer cache filled with 230 distinct 1 MB variables (and waiver reasons), each twice
#   6   5,000 made-up HTTP methods, then /q/metrics scrapes
#   7   slow bodies (declared, chunked, Expect: 100-continue; 1 byte/s) while a normal caller
#       sends an evaluate every 0.5 s for 20 s
#   8   log forging: names with line breaks and escape sequences, then the log is checked
# Environment: PORT (default 18081), SKIP_BUILD=1 to reuse target/quarkus-app, ONLY=1,5,7 to run
# some attacks only, SERVICE_LOG (default a temporary file; kept and named at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-18081}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -ntp -q package -DskipTests
fi
JAVA_OPTS=$(sed -n 's/^ENV JAVA_OPTS="\([^"]*\)".*$/\1/p' deploy/Dockerfile)
[ -n "$JAVA_OPTS" ] || { echo "no JAVA_OPTS in deploy/Dockerfile"; exit 1; }
export JAVA_OPTS
export SERVICE_LOG=${SERVICE_LOG:-$(mktemp /tmp/keycard-attacks.XXXXXX.log)}
exec python3 bench/attacks.py
