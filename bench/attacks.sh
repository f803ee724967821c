#!/usr/bin/env bash
# Replays the attacks of issues 14, 15 and 16 against the packaged service, not run by verify.
#   bench/attacks.sh            (from the repository root; about 3 minutes after packaging)
# Packages the service, starts it with the production JVM options of deploy/Dockerfile
# (-Xms256m -Xmx256m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError ...) on 127.0.0.1 only, without
# API keys and with caller rules enabled (KEYCARD_RULES_ADHOC, for issues 14 and 15), and replays
# every attack; one line
# per attack: status (or the statuses seen), time, answer size, and whether the JVM is alive. A JVM
# that died is started again for the next attack, and the run says how many times that happened.
#   14  the issue's exploit (Runtime.exec hidden in a string literal of a caller rule); the
#       marker file it would create is checked
#   15.1 a for_each rule with four projections over 19,990 -e variables, eight at once, while
#       a plain evaluate and /q/health/ready are polled
#   15.2 a rule check whose 209 KB example is repeated ten times through YAML aliases, x8
#   15.3 an alias bomb in a rule file, and as rules sent as YAML text
#   15.4 a message of 16 projections over 2,000 variables
#   15.5 a remove_item fix over 1,500 variables, /v1/fix, x4
#   15.6 SIGTERM while eight such fixes run: how long the JVM takes to exit
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
